// The options page's passphrase strength worker: wiring only (passphrase-estimator.ts).
import { answerEstimates, type EstimateChannel } from './passphrase-estimator';

answerEstimates(globalThis as unknown as EstimateChannel);
