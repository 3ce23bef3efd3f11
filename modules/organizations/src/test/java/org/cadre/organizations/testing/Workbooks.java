package org.cadre.organizations.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Member workbooks in the import's layout, for tests of the import (in the module and in the browser). */
public final class Workbooks {

    private Workbooks() {
    }

    /** {@code rows} members with card numbers {@code prefix-0...}, spread over the chapters (by code). */
    public static byte[] members(String prefix, List<String> chapters, int rows) throws IOException {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng"};
        String[] given = {"An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Thảo", "Ánh"};
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Đảng viên");
            String[] headings = {"Số thẻ đảng viên", "Họ", "Tên đệm", "Tên", "Ngày sinh", "Giới tính",
                    "Số định danh cá nhân", "Mã tổ chức đảng", "Ngày vào Đảng", "Ngày chính thức",
                    "Công chức, viên chức", "Chức vụ"};
            Row heading = sheet.createRow(0);
            for (int c = 0; c < headings.length; c++) {
                heading.createCell(c).setCellValue(headings[c]);
            }
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 1);
                boolean woman = i % 2 == 1;
                String[] values = {prefix + "-" + i, family[i % family.length], woman ? "Thị" : "Văn",
                        given[i % given.length], String.format("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 1960 + i % 35),
                        woman ? "Nữ" : "Nam", "", chapters.get(i % chapters.size()), "19/05/2018", "19/05/2019",
                        "Có", "Chuyên viên"};
                for (int c = 0; c < values.length; c++) {
                    row.createCell(c).setCellValue(values[c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
