namespace Plumb.Modelling.DrawIo;

using Plumb.Modelling.Bpmn;

// Styles of draw.io's BPMN shape library (mxgraph.bpmn.*), as draw.io itself writes them.
internal static class DrawIoStyles
{
    private const string TaskPoints = "points=[[0.25,0,0],[0.5,0,0],[0.75,0,0],[1,0.25,0],[1,0.5,0],[1,0.75,0],[0.75,1,0],[0.5,1,0],[0.25,1,0],[0,0.75,0],[0,0.5,0],[0,0.25,0]];";
    private const string EventPoints = "points=[[0.145,0.145,0],[0.5,0,0],[0.855,0.145,0],[1,0.5,0],[0.855,0.855,0],[0.5,1,0],[0.145,0.855,0],[0,0.5,0]];";
    private const string GatewayPoints = "points=[[0.25,0.25,0],[0.5,0,0],[0.75,0.25,0],[1,0.5,0],[0.75,0.75,0],[0.5,1,0],[0.25,0.75,0],[0,0.5,0]];";

    public static string? Shape(BpmnElement element, BpmnShape shape)
    {
        var kind = element.Kind;
        if (kind == "participant") return "swimlane;html=1;startSize=30;horizontal=0;fillColor=#ffffff;swimlaneFillColor=#ffffff;collapsible=0;";
        if (kind == "lane") return "swimlane;html=1;startSize=30;horizontal=0;swimlaneLine=1;fillColor=none;collapsible=0;";
        if (BpmnKinds.IsTask(kind) || kind == "callActivity")
        {
            var marker = kind switch
            {
                "userTask" => "user", "manualTask" => "manual", "serviceTask" => "service", "sendTask" => "send", "receiveTask" => "receive",
                "scriptTask" => "script", "businessRuleTask" => "businessRule", _ => "abstract",
            };
            var call = kind == "callActivity" ? "strokeWidth=4;isLoopSub=1;" : "";
            return $"{TaskPoints}shape=mxgraph.bpmn.task;whiteSpace=wrap;rectStyle=rounded;size=10;html=1;taskMarker={marker};{call}";
        }

        if (kind is "subProcess" or "transaction" or "adHocSubProcess")
            return $"{TaskPoints}shape=mxgraph.bpmn.task;whiteSpace=wrap;rectStyle=rounded;size=10;html=1;taskMarker=abstract;isLoopSub={(shape.IsExpanded == true ? 0 : 1)};verticalAlign=top;";
        if (BpmnKinds.IsEvent(kind))
        {
            var outline = kind switch
            {
                "startEvent" => element.Attribute("isInterrupting") == "false" ? "eventNonint" : "standard",
                "endEvent" => "end",
                "boundaryEvent" => element.Attribute("cancelActivity") == "false" ? "boundNonint" : "boundInt",
                "intermediateThrowEvent" => "throwing",
                _ => "catching",
            };
            var symbol = element.Children.Find(c => BpmnKinds.IsEventDefinition(c.Kind))?.Kind switch
            {
                "messageEventDefinition" => "message", "timerEventDefinition" => "timer", "errorEventDefinition" => "error",
                "signalEventDefinition" => "signal", "escalationEventDefinition" => "escalation", "terminateEventDefinition" => "terminate2",
                "conditionalEventDefinition" => "conditional", "linkEventDefinition" => "link", "compensateEventDefinition" => "compensation",
                "cancelEventDefinition" => "cancel", _ => "general",
            };
            return $"{EventPoints}shape=mxgraph.bpmn.event;html=1;verticalLabelPosition=bottom;labelBackgroundColor=#ffffff;verticalAlign=top;align=center;" +
                $"perimeter=ellipsePerimeter;outlineConnect=0;aspect=fixed;outline={outline};symbol={symbol};";
        }

        if (BpmnKinds.IsGateway(kind))
        {
            var type = kind switch
            {
                "parallelGateway" => "parallel", "inclusiveGateway" => "inclusive", "eventBasedGateway" => "eventBased", "complexGateway" => "complex", _ => "exclusive",
            };
            return $"{GatewayPoints}shape=mxgraph.bpmn.gateway2;html=1;verticalLabelPosition=bottom;labelBackgroundColor=#ffffff;verticalAlign=top;align=center;" +
                $"perimeter=rhombusPerimeter;outlineConnect=0;outline=none;symbol=none;gwType={type};";
        }

        return kind switch
        {
            "dataObjectReference" or "dataObject" or "dataInput" or "dataOutput" =>
                "shape=mxgraph.bpmn.data;labelPosition=center;verticalLabelPosition=bottom;align=center;verticalAlign=top;size=15;html=1;whiteSpace=wrap;",
            "dataStoreReference" => "shape=datastore;whiteSpace=wrap;html=1;labelPosition=center;verticalLabelPosition=bottom;align=center;verticalAlign=top;",
            "textAnnotation" => "shape=partialRectangle;html=1;top=0;bottom=0;right=0;fillColor=none;align=left;spacingLeft=6;whiteSpace=wrap;",
            "group" => "rounded=1;whiteSpace=wrap;html=1;dashed=1;fillColor=none;arcSize=5;verticalAlign=top;",
            _ => null,
        };
    }

    public static string Edge(BpmnElement element, bool isDefault) => element.Kind switch
    {
        "messageFlow" => "edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;dashed=1;dashPattern=8 4;endArrow=blockThin;endFill=0;startArrow=oval;startFill=0;endSize=10;",
        "association" => "edgeStyle=none;rounded=0;html=1;dashed=1;dashPattern=1 4;endArrow=none;",
        "dataInputAssociation" or "dataOutputAssociation" => "edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;dashed=1;dashPattern=1 4;endArrow=open;endFill=0;",
        _ => $"edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;html=1;endArrow=block;endFill=1;{(isDefault ? "startArrow=dash;startFill=0;" : "")}",
    };
}
