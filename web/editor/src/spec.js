// Every field of the handbook model, as the forms show it. Paths match lint paths, so diagnostics land on their field.
const severities = ['low', 'medium', 'high', 'critical'];
export const specs = {
  handbook: [
    ['name', 'Name', 'text'], ['description', 'Description', 'textarea'],
    ['drivers', 'Organisational drivers', 'items', 'statement', 'driver'],
    ['painPoints', 'Pain points', 'items', 'statement', 'pain point'],
    ['roles', 'Roles', 'items', 'role', 'role'], ['records', 'Records', 'items', 'record', 'record'],
  ],
  process: [
    ['id', 'Id', 'readonly'], ['name', 'Name', 'text'], ['owner', 'Owner role', 'role'], ['version', 'Version label', 'text'],
    ['mission', 'Mission', 'textarea'], ['purpose', 'Purpose', 'textarea'], ['scope', 'Scope', 'textarea'],
    ['objectives', 'Objectives (one per line)', 'list'], ['principles', 'Principles (one per line)', 'list'],
    ['csfs', 'Critical success factors', 'items', 'statement', 'CSF'], ['triggers', 'Triggers (one per line)', 'list'],
    ['drivers', 'Drivers answered (ids, one per line)', 'list'], ['painPoints', 'Pain points addressed (ids, one per line)', 'list'],
    ['inputs', 'Inputs', 'items', 'dataflow', 'input'], ['outputs', 'Outputs', 'items', 'dataflow', 'output'],
    ['kpis', 'KPIs', 'items', 'kpi', 'KPI'], ['procedures', 'Procedures', 'items', 'procedure', 'procedure'],
    ['findings', 'Findings', 'items', 'finding', 'finding'],
    ['changeLog', 'Change log', 'items', 'change', 'change log entry'],
  ],
  procedure: [
    ['id', 'Id', 'text'], ['name', 'Name', 'text'], ['purpose', 'Purpose', 'textarea'], ['trigger', 'Trigger', 'text'],
    ['outcome', 'Outcome', 'text'], ['steps', 'Steps', 'items', 'step', 'step'], ['findings', 'Findings', 'items', 'finding', 'finding'],
  ],
  step: [
    ['id', 'Id', 'text'], ['name', 'Name', 'text'], ['kind', 'Kind', 'select', ['user', 'manual', 'service']],
    ['activities', 'Activities (one per line)', 'list'], ['instruction', 'Instruction (Markdown)', 'textarea'],
    ['raci.responsible', 'Responsible (role ids, one per line)', 'roles'], ['raci.accountable', 'Accountable', 'roles'],
    ['raci.consulted', 'Consulted', 'roles'], ['raci.informed', 'Informed', 'roles'],
    ['inputs', 'Inputs', 'items', 'dataflow', 'input'], ['outputs', 'Outputs', 'items', 'dataflow', 'output'],
    ['next', 'Next step (id or end; empty = the following step)', 'text'],
    ['decision.question', 'Decision question', 'text'], ['decision.kind', 'Decision kind', 'select', ['exclusive', 'parallel']],
    ['decision.branches', 'Decision branches', 'items', 'branch', 'branch'],
    ['join', 'Join of incoming paths', 'select', ['any', 'all']], ['call', 'Calls procedure (process/procedure)', 'text'],
    ['tool.table', 'Tool table', 'text'], ['tool.field', 'Tool field (default state)', 'text'],
    ['tool.states', 'Tool states (one per line)', 'list'], ['tool.groups', 'Tool assignment groups (one per line)', 'list'],
    ['tool.activities', 'Event-log activities (one per line)', 'list'],
    ['review.necessary', 'Review: is the step necessary?', 'tri'], ['review.efficient', 'Review: is it efficient?', 'tri'],
    ['review.roleInPlace', 'Review: is the responsible role in place?', 'tri'], ['review.notes', 'Review notes', 'textarea'],
    ['findings', 'Findings', 'items', 'finding', 'finding'],
  ],
  role: [
    ['id', 'Id', 'text'], ['name', 'Name', 'text'], ['description', 'Description', 'textarea'], ['inPlace', 'In place', 'bool'],
    ['holders', 'Holders (one per line)', 'list'], ['groups', 'Tool assignment groups (one per line)', 'list'],
  ],
  record: [['id', 'Id', 'text'], ['name', 'Name', 'text'], ['description', 'Description', 'textarea'], ['table', 'Tool table', 'text']],
  kpi: [
    ['id', 'Id', 'text'], ['name', 'Name', 'text'], ['definition', 'Definition', 'textarea'], ['measure', 'Measure', 'measure'],
    ['unit', 'Unit', 'text'], ['target', 'Target', 'number'], ['direction', 'Better when', 'select', ['higher', 'lower']],
    ['csf', 'Evidences CSF (id)', 'text'],
  ],
  finding: [
    ['id', 'Id', 'text'], ['text', 'Finding', 'textarea'], ['severity', 'Severity', 'select', severities],
    ['plannedUpdate', 'Planned update', 'textarea'], ['owner', 'Owner', 'text'],
    ['status', 'Status', 'select', ['open', 'planned', 'done', 'rejected']],
  ],
  statement: [['id', 'Id', 'text'], ['text', 'Text', 'textarea']],
  dataflow: [['record', 'Record (id)', 'text'], ['party', 'From / to (step, procedure, process or role)', 'text'], ['note', 'Note', 'text']],
  branch: [['when', 'When', 'text'], ['goto', 'Go to (step id or end)', 'text']],
  change: [
    ['version', 'Version', 'text'], ['date', 'Date (YYYY-MM-DD)', 'text'], ['text', 'What changed', 'textarea'],
    ['findings', 'Findings addressed (ids, one per line)', 'list'],
  ],
};

export function newItem(type, list) {
  const n = (list?.length || 0) + 1;
  switch (type) {
    case 'step': return { id: `new-step-${n}`, name: 'New step' };
    case 'procedure': return { id: `new-procedure-${n}`, name: 'New procedure' };
    case 'role': return { id: `new-role-${n}`, name: 'New role' };
    case 'record': return { id: `new-record-${n}`, name: 'New record' };
    case 'kpi': return { id: `new-kpi-${n}`, name: 'New KPI' };
    case 'finding': return { id: `F-${Math.floor(Math.random() * 9000) + 1000}`, text: 'New finding' };
    case 'statement': return { id: `S${n}`, text: '' };
    case 'branch': return { goto: 'end' };
    case 'change': return { version: '', text: 'What changed' };
    default: return { record: '' };
  }
}
