namespace Plumb.Handbook.Model;

/// <summary>How a step is carried out; decides the BPMN task type.</summary>
public enum StepKind
{
    /// <summary>A person does it in the tool (BPMN user task).</summary>
    User,

    /// <summary>A person does it outside the tool (BPMN manual task).</summary>
    Manual,

    /// <summary>The system does it (BPMN service task).</summary>
    Service,
}
