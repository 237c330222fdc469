package org.spikescope.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SymmetricEigenTest {

    @Test
    void jacobiFindsTheEigenvectorsOfASymmetricMatrix() {
        double[][] a = {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}};
        double[][] v = SymmetricEigen.vectors(a);
        double[] values = SymmetricEigen.values(a, v);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 3; i++) {
                double av = 0;
                for (int j = 0; j < 3; j++) {
                    av += a[i][j] * v[j][c];
                }
                assertEquals(values[c] * v[i][c], av, 1e-10);
            }
        }
        assertEquals(8, values[0] + values[1] + values[2], 1e-10);
    }
}
