namespace Plumb.Modelling.Bpmn;

/// <summary>The BPMN 2.0 element names (from the OMG schema) and the families they belong to.</summary>
public static class BpmnKinds
{
    /// <summary>The namespace of BPMN 2.0 semantic elements.</summary>
    public const string ModelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>The namespace of BPMN diagram interchange.</summary>
    public const string DiNamespace = "http://www.omg.org/spec/BPMN/20100524/DI";

    /// <summary>The namespace of DC (bounds, points).</summary>
    public const string DcNamespace = "http://www.omg.org/spec/DD/20100524/DC";

    /// <summary>The namespace of DI (waypoints).</summary>
    public const string DdiNamespace = "http://www.omg.org/spec/DD/20100524/DI";

    /// <summary>The XML Schema instance namespace (xsi:type).</summary>
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    // Every global element of Semantic.xsd: a name outside this set in the model namespace is not BPMN 2.0.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "activationCondition", "definitions", "import", "extension", "activity", "adHocSubProcess", "artifact", "assignment", "association", "auditing", "baseElement", "baseElementWithMixedContent", "boundaryEvent", "businessRuleTask", "callActivity", "callChoreography", "callConversation", "callableElement", "cancelEventDefinition", "catchEvent", "category", "categoryValue", "categoryValueRef", "childLaneSet", "choreography", "choreographyActivity", "choreographyRef", "choreographyTask", "collaboration", "compensateEventDefinition", "completionCondition", "complexBehaviorDefinition", "complexGateway", "condition", "conditionExpression", "conditionalEventDefinition", "conversation", "conversationAssociation", "conversationLink", "conversationNode", "correlationKey", "correlationProperty", "correlationPropertyBinding", "correlationPropertyRef", "correlationPropertyRetrievalExpression", "correlationSubscription", "dataAssociation", "dataInput", "dataInputAssociation", "dataInputRefs", "dataObject", "dataObjectReference", "dataOutput", "dataOutputAssociation", "dataOutputRefs", "dataPath", "dataState", "dataStore", "dataStoreReference", "documentation", "endEvent", "endPoint", "endPointRef", "error", "errorEventDefinition", "errorRef", "escalation", "escalationEventDefinition", "event", "eventBasedGateway", "eventDefinition", "eventDefinitionRef", "exclusiveGateway", "expression", "extension", "extensionElements", "flowElement", "flowNode", "flowNodeRef", "formalExpression", "from", "gateway", "globalBusinessRuleTask", "globalChoreographyTask", "globalConversation", "globalManualTask", "globalScriptTask", "globalTask", "globalUserTask", "group", "humanPerformer", "implicitThrowEvent", "inMessageRef", "inclusiveGateway", "incoming", "innerParticipantRef", "inputDataItem", "inputSet", "inputSetRefs", "interface", "interfaceRef", "intermediateCatchEvent", "intermediateThrowEvent", "ioBinding", "ioSpecification", "itemDefinition", "lane", "laneSet", "linkEventDefinition", "loopCardinality", "loopCharacteristics", "loopCondition", "loopDataInputRef", "loopDataOutputRef", "manualTask", "message", "messageEventDefinition", "messageFlow", "messageFlowAssociation", "messageFlowRef", "messagePath", "monitoring", "multiInstanceLoopCharacteristics", "operation", "operationRef", "optionalInputRefs", "optionalOutputRefs", "outMessageRef", "outerParticipantRef", "outgoing", "outputDataItem", "outputSet", "outputSetRefs", "parallelGateway", "participant", "participantAssociation", "participantMultiplicity", "participantRef", "partitionElement", "partnerEntity", "partnerRole", "performer", "potentialOwner", "process", "property", "receiveTask", "relationship", "rendering", "resource", "resourceAssignmentExpression", "resourceParameter", "resourceParameterBinding", "resourceRef", "resourceRole", "rootElement", "script", "scriptTask", "sendTask", "sequenceFlow", "serviceTask", "signal", "signalEventDefinition", "source", "sourceRef", "standardLoopCharacteristics", "startEvent", "subChoreography", "subConversation", "subProcess", "supportedInterfaceRef", "supports", "target", "targetRef", "task", "terminateEventDefinition", "text", "textAnnotation", "throwEvent", "timeCycle", "timeDate", "timeDuration", "timerEventDefinition", "to", "transaction", "transformation", "userTask", "whileExecutingInputRefs", "whileExecutingOutputRefs", 
    };

    /// <summary>Elements whose text content is their value.</summary>
    public static readonly HashSet<string> TextElements = new(StringComparer.Ordinal)
    {
        "documentation", "text", "conditionExpression", "condition", "flowNodeRef", "incoming", "outgoing", "sourceRef", "targetRef",
        "timeDate", "timeDuration", "timeCycle", "loopCardinality", "completionCondition", "loopCondition", "from", "to",
        "formalExpression", "expression", "dataInputRefs", "dataOutputRefs", "inputSetRefs", "outputSetRefs", "optionalInputRefs",
        "optionalOutputRefs", "whileExecutingInputRefs", "whileExecutingOutputRefs", "script", "participantRef", "messageFlowRef",
        "interfaceRef", "supportedInterfaceRef", "eventDefinitionRef", "errorRef", "categoryValueRef", "resourceRef", "dataPath",
        "messagePath", "activationCondition", "innerParticipantRef", "outerParticipantRef", "inMessageRef", "outMessageRef",
        "loopDataInputRef", "loopDataOutputRef", "endPointRef", "operationRef", "correlationPropertyRef", "choreographyRef",
        "source", "target", "partitionElement", "supports",
    };

    /// <summary>True when the name is a BPMN 2.0 semantic element.</summary>
    public static bool IsKnown(string name) => Known.Contains(name);

    /// <summary>True for tasks of every type.</summary>
    public static bool IsTask(string kind) => kind is "task" or "userTask" or "manualTask" or "serviceTask" or "scriptTask"
        or "businessRuleTask" or "sendTask" or "receiveTask";

    /// <summary>True for activities: tasks, sub-processes and call activities.</summary>
    public static bool IsActivity(string kind) => IsTask(kind) || kind is "subProcess" or "callActivity" or "transaction" or "adHocSubProcess";

    /// <summary>True for events.</summary>
    public static bool IsEvent(string kind) => kind is "startEvent" or "endEvent" or "intermediateCatchEvent" or "intermediateThrowEvent"
        or "boundaryEvent" or "implicitThrowEvent";

    /// <summary>True for gateways.</summary>
    public static bool IsGateway(string kind) => kind is "exclusiveGateway" or "parallelGateway" or "inclusiveGateway"
        or "complexGateway" or "eventBasedGateway";

    /// <summary>True for flow nodes (activities, events, gateways).</summary>
    public static bool IsFlowNode(string kind) => IsActivity(kind) || IsEvent(kind) || IsGateway(kind)
        || kind is "callChoreography" or "choreographyTask" or "subChoreography";

    /// <summary>True for data elements drawn as shapes (data objects and stores).</summary>
    public static bool IsData(string kind) => kind is "dataObjectReference" or "dataStoreReference" or "dataInput" or "dataOutput";

    /// <summary>True for event definitions (message, timer, error...).</summary>
    public static bool IsEventDefinition(string kind) => kind.EndsWith("EventDefinition", StringComparison.Ordinal);
}
