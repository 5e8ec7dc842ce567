export {
  CHART_WIDTH,
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
  PODIUM_CARD_HEIGHT,
  PODIUM_CARD_WIDTH,
  renderPodiumCard,
  type PodiumCardInput,
  type PodiumMedallist,
} from './podium.js';
