package org.spikescope.decode;

/**
 * One decoder's cross-validated result.
 *
 * @param chance  the mean balanced accuracy with the labels permuted (the decoder retrained each time)
 * @param pValue  (1 + permutations scoring at least the real balanced accuracy) / (1 + permutations)
 */
public record DecodingResult(String decoder, int[] predicted, double accuracy, double balancedAccuracy,
                             int[][] confusion, double chance, double pValue) {
}
