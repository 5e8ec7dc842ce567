import type {
  HeadToHeadInput,
  PodiumCardInput,
  SprintChartInput,
  TimeChartInput,
} from '../render/images/index.js';
import type * as ImagesModule from '../render/images/index.js';

/** A picture to draw, as plain data so it can cross to a worker thread. */
export type DrawRequest =
  | { kind: 'podium'; input: PodiumCardInput }
  | { kind: 'sprints'; input: SprintChartInput }
  | { kind: 'times'; input: TimeChartInput }
  | { kind: 'headToHead'; input: HeadToHeadInput };

/**
 * A picture a message should carry, as data: a host asks the pictures service to draw it (`draw(job)`)
 * and, given the PNG, edits the message to `withPicture(message, job, png)` (src/app/message.ts). The
 * message stands on its own without it.
 */
export interface PictureJob {
  /** Names the data drawn (not its content), so a picture drawn once is reused. */
  key: string;
  /** The attachment's file name. */
  name: string;
  /** Alt text. */
  description: string;
  request: DrawRequest;
}

/** Worker protocol: a request tagged with its id, answered by a PNG or an error message. */
export type WorkerRequest = DrawRequest & { id: number };
export type WorkerResponse = { id: number; png: Uint8Array } | { id: number; error: string };

// The canvas is a native module; loading it only when the first picture is drawn keeps start-up fast.
let images: Promise<typeof ImagesModule> | null = null;

/** Draws on the calling thread. */
export async function drawHere(request: DrawRequest): Promise<Buffer> {
  images ??= import('../render/images/index.js');
  const { renderHeadToHead, renderPodiumCard, renderSprintChart, renderTimeChart } = await images;
  switch (request.kind) {
    case 'podium':
      return renderPodiumCard(request.input);
    case 'sprints':
      return renderSprintChart(request.input);
    case 'times':
      return renderTimeChart(request.input);
    case 'headToHead':
      return renderHeadToHead(request.input);
  }
}
