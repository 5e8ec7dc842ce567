export {
  CHART_WIDTH,
  ENGLISH_CHART_LABELS,
  type ChartLabels,
  renderSprintChart,
  renderTimeChart,
  sprintChartHeight,
  timeChartHeight,
  type SprintChartInput,
  type SprintChartRow,
  type SprintPoints,
  type TimeChartInput,
  type TimeChartRow,
} from './charts.js';
export {
  ENGLISH_MEDAL_LABELS,
  PODIUM_CARD_HEIGHT,
  PODIUM_CARD_WIDTH,
  renderPodiumCard,
  type PodiumCardInput,
  type PodiumMedallist,
} from './podium.js';
export {
  HEAD_TO_HEAD_WIDTH,
  MAX_RACE_ROWS,
  headToHeadLayout,
  renderHeadToHead,
  type HeadToHeadBest,
  type HeadToHeadInput,
  type HeadToHeadLabels,
  type HeadToHeadMark,
  type HeadToHeadRace,
  type HeadToHeadSkater,
} from './head-to-head.js';
