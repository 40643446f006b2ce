package org.reachpbx.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRowsTest {

    @Test
    void theFirstSheetBecomesTheSameRowsAsACsv() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("default-timeouts");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("kind");
            header.createCell(1).setCellValue("seconds");
            Row ring = sheet.createRow(1);
            ring.createCell(0).setCellValue("ring, then voicemail");
            ring.createCell(1).setCellValue(20);       // a number cell reads as 20, not 20.0
            Row prefix = sheet.createRow(3);           // row 2 is blank: left out
            prefix.createCell(0).setCellValue("0049"); // a text cell keeps its leading zeros
            prefix.createCell(1).setCellFormula("10+5");
            book.createSheet("second sheet").createRow(0).createCell(0).setCellValue("ignored");
            book.write(out);
            xlsx = out.toByteArray();
        }

        List<List<String>> rows = XlsxRows.read(new ByteArrayInputStream(xlsx));

        assertThat(rows).containsExactly(List.of("kind", "seconds"), List.of("ring, then voicemail", "20"),
                List.of("0049", "15"));
        String csv = XlsxRows.toCsv(new ByteArrayInputStream(xlsx));
        assertThat(csv).isEqualTo("kind,seconds\n\"ring, then voicemail\",20\n0049,15\n");
        assertThat(CsvRows.parse(csv)).isEqualTo(rows);
    }
}
