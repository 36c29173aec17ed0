/**
 * zxcvbn with its common, English and Spanish dictionaries (whatever the interface's language: a
 * passphrase may be in either). Large: loaded only by the strength worker, or by the page when no
 * worker starts (passphrase-estimate.ts).
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english } from '@zxcvbn-ts/language-en';
import { dictionary as spanish } from '@zxcvbn-ts/language-es-es';

let zxcvbn: ZxcvbnFactory | null = null;

/** zxcvbn's estimate of the guesses an attacker needs for `passphrase`, knowing the other inputs. */
export function estimateGuesses(passphrase: string, userInputs: string[]): number {
  // Built on first use: ranking the dictionaries takes most of a second.
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common, ...english, ...spanish }, graphs: adjacencyGraphs });
  return zxcvbn.check(passphrase, userInputs).guesses;
}

export interface EstimateRequest {
  id: number;
  passphrase: string;
  userInputs: string[];
}

export interface EstimateAnswer {
  id: number;
  guesses: number;
}

export interface EstimateChannel {
  onmessage: ((event: MessageEvent<EstimateRequest>) => void) | null;
  postMessage(answer: EstimateAnswer): void;
}

/** The worker's side: answers each request with its estimate. */
export function answerEstimates(channel: EstimateChannel): void {
  channel.onmessage = ({ data }) => channel.postMessage({ id: data.id, guesses: estimateGuesses(data.passphrase, data.userInputs) });
}
