export default {
  board: {
    label: {
      deal: 'Deal kanban board',
      lead: 'Lead kanban board',
    },
    pipeline: 'Pipeline',
    view: 'View',
    total_one: '{{n}} card',
    total_other: '{{n}} cards',
    noPipeline: 'There is no pipeline with stages yet.',
    noPipelineHint: 'An administrator can add pipelines and stages in the settings.',
    noStatuses: 'There are no lead statuses yet.',
  },
  column: {
    empty: {
      deal: 'No deals at this stage',
      lead: 'No leads with this status',
    },
    emptyFiltered: 'Nothing matches the search',
    loadingMore: 'Loading more…',
    noDrop: 'Leads are converted on the lead page',
    sums: 'Total amount',
  },
  quickAdd: {
    placeholder: {
      deal: '+ Deal title, Enter',
      lead: '+ Lead title, Enter',
    },
    label: 'Quick add to {{column}}',
    failed: 'Could not create the card.',
  },
  card: {
    label: '{{title}}, {{column}}',
    roleDescription: 'draggable card',
    move: 'Move to another column',
    unassigned: 'Nobody responsible',
    untitled: 'Untitled',
  },
  zones: {
    label: 'Close the deal: drop it here',
  },
  lost: {
    title: 'Why was the deal lost?',
    deal: 'Deal: {{title}}',
    reason: 'Reason',
    placeholder: 'For example: chose a competitor, no budget this year',
    confirm: 'Mark as lost',
    line: 'Lost: {{reason}}',
    required: 'Please give a reason',
  },
  move: {
    title: 'Move “{{title}}”',
    current: 'current',
  },
  errors: {
    conflict: '“{{title}}” was changed by someone else. The board now shows its latest state; try again.',
    forbidden: 'You have no right to move “{{title}}”.',
    notFound: '“{{title}}” no longer exists or is no longer visible to you.',
    invalid: '“{{title}}” was not moved: {{message}}',
    generic: '“{{title}}” was not moved. Please try again.',
    network: '“{{title}}” was not moved: the server cannot be reached.',
    title: 'The card went back',
  },
  dnd: {
    instructions:
      'To pick up a card, press Space or Enter. Use the arrow keys to move it to another column. Press Space or Enter again to drop it, or Escape to cancel.',
    pickedUp: 'Picked up {{title}}.',
    over: '{{title}} is over {{target}}.',
    notOver: '{{title}} is not over a column.',
    dropped: '{{title}} was dropped into {{target}}.',
    droppedNowhere: '{{title}} was dropped back.',
    cancelled: 'Moving {{title}} was cancelled.',
  },
} as const;
