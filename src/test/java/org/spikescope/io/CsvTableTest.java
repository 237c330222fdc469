package org.spikescope.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spikescope.core.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTableTest {

    @Test
    void roundTripKeepsValuesToSevenDigitsAndNaN(@TempDir Path dir) throws Exception {
        double[] time = {0, 0.05, 0.1};
        double[] cell = {1.2345678, Double.NaN, -3};
        Path file = dir.resolve("t.csv");
        new CsvTable(List.of("time_s", "cell_001"), new double[][]{time, cell}).write(file);
        assertEquals("time_s,cell_001", Files.readAllLines(file).get(0));
        assertEquals("0.05,NaN", Files.readAllLines(file).get(2));
        CsvTable back = CsvTable.read(file);
        assertEquals(List.of("time_s", "cell_001"), back.header());
        assertArrayEquals(time, back.column("time_s"), 1e-12);
        assertEquals(1.234568, back.column("cell_001")[0], 1e-9);
        assertTrue(Double.isNaN(back.column("cell_001")[1]));
    }

    @Test
    void valuesKeepTheirMagnitudeAndSevenSignificantDigits() {
        // rounded to 7 digits, a value between 1e6 and 1e7 ends in zeros that belong to the integer part
        assertEquals("1164650", CsvTable.format(1164649.5792));
        assertEquals("-3898960", CsvTable.format(-3898959.592));
        assertEquals("1234568", CsvTable.format(1234567.85));
        assertEquals("0.2", CsvTable.format(0.2));
        assertEquals("-0.0001234568", CsvTable.format(-0.000123456789));
        assertEquals("1.000001", CsvTable.format(1.0000005));
        assertEquals("2.500000e-05", CsvTable.format(2.5e-5));
        assertEquals("1.000000e+07", CsvTable.format(9999999.5));
        assertEquals("42", CsvTable.format(42.0));
        assertEquals("Infinity", CsvTable.format(Double.POSITIVE_INFINITY));
        for (double v : new double[]{1164649.5792, 3.3e8 + 0.25, 0.0012345, -77.125, 6.02e-9}) {
            assertEquals(v, Double.parseDouble(CsvTable.format(v)), Math.abs(v) * 1e-6, "value " + v);
        }
    }

    @Test
    void badFieldNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "time_s,cell_001\n0,1\n0.05,abc\n");
        InputException e = assertThrows(InputException.class, () -> CsvTable.read(file));
        assertTrue(e.getMessage().contains("bad.csv, line 3, column 'cell_001': 'abc' is not a number"),
                e.getMessage());
    }

    @Test
    void missingColumnListsTheColumnsThere(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "frame,x\n0,1\n");
        InputException e = assertThrows(InputException.class, () -> CsvTable.read(file).column("y"));
        assertTrue(e.getMessage().contains("no column 'y' (columns: frame, x)"), e.getMessage());
    }
}
