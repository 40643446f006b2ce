package org.reachpbx.ui.tables;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an .xlsx workbook as rows of cell texts, as shown in Excel (so 0049 in a
 * text cell stays 0049, and a formula gives its value). Blank rows are left out; trailing
 * empty cells are cut. The rows are then stored as CSV, the same as an uploaded CSV file.
 */
public final class XlsxRows {

    private XlsxRows() {
    }

    public static List<List<String>> read(InputStream in) throws IOException {
        try (Workbook book = new XSSFWorkbook(in)) {
            if (book.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            FormulaEvaluator formulas = book.getCreationHelper().createFormulaEvaluator();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    cells.add(cell == null ? "" : format.formatCellValue(cell, formulas).trim());
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (!cells.isEmpty()) {
                    rows.add(cells);
                }
            }
            return rows;
        }
    }

    /** The first sheet as CSV text. */
    public static String toCsv(InputStream in) throws IOException {
        return CsvRows.format(read(in));
    }
}
