/** The colour of a probability of reaching a target: good from 70 %, at risk from 30 %, bad below. */
export function probabilityTone(probability: number): 'good' | 'risk' | 'bad' {
  return probability >= 0.7 ? 'good' : probability >= 0.3 ? 'risk' : 'bad';
}
