package org.cadre.demo;

import java.util.SplittableRandom;
import org.cadre.organizations.Sex;

/**
 * Weighted pools from {@code ../shared/data/demo-vocabulary.md}: family, middle and given names, the provincial
 * agencies of the bloc, the chapters a department is divided into, positions. Generated people, never real ones.
 */
final class Vocabulary {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Vũ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lương", "Đoàn", "Mai", "Tạ", "Cao"};
    private static final double[] FAMILY_SHARE = {38, 11, 9.5, 7, 3, 2, 4.5, 3, 1, 2, 2, 1.4, 1.3, 1.3, 1, 0.5, 1,
            0.7, 0.5, 0.5, 0.4, 0.3, 0.3};
    private static final double[] FAMILY_CUMULATIVE = cumulative(FAMILY_SHARE);

    private static final String[] MIDDLE_MEN = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thanh", "Ngọc",
            "Xuân", "Anh", "Tấn", "Đình"};
    private static final String[] MIDDLE_WOMEN = {"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Thùy", "Bích", "Hồng",
            "Minh"};
    private static final String[] GIVEN_MEN = {"Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Long", "Nam", "Phong", "Quân",
            "Sơn", "Thắng", "Trung", "Tưởng", "Vinh", "Bình", "Cường", "Đạt", "Hiếu", "Hoàng", "Khánh", "Lâm", "Nghĩa",
            "Phúc", "Tài", "Thành", "Toàn", "Thiên", "Lộc", "Huy", "Tú"};
    private static final String[] GIVEN_WOMEN = {"Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Thảo", "Hằng",
            "Ngọc", "Nhung", "Phương", "Quyên", "Tâm", "Thủy", "Vân", "Yến", "Hạnh", "Hiền", "Loan", "Oanh", "Dung",
            "Nga", "Trinh", "Ánh"};

    /** The agencies of the vocabulary first, then units of the same kind that a provincial bloc also has. */
    private static final String[] AGENCIES = {"Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy",
            "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ban Nội chính Tỉnh ủy", "Báo Quảng Ngãi",
            "Trường Chính trị tỉnh", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng UBND tỉnh", "Sở Nội vụ",
            "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng",
            "Sở Giao thông Vận tải", "Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ",
            "Sở Thông tin và Truyền thông", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Ngoại vụ", "Thanh tra tỉnh",
            "Ban Dân tộc tỉnh", "Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp",
            "Đài Phát thanh - Truyền hình tỉnh", "Bệnh viện Đa khoa tỉnh", "Trường Đại học Phạm Văn Đồng",
            "Trường Cao đẳng Y tế", "Ủy ban MTTQ Việt Nam tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn",
            "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh", "Liên minh Hợp tác xã tỉnh",
            "Hội Chữ thập đỏ tỉnh", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Hội Văn học Nghệ thuật tỉnh",
            "Hội Nhà báo tỉnh", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh", "Quỹ Đầu tư phát triển tỉnh",
            "Kho bạc Nhà nước tỉnh", "Cục Thuế tỉnh", "Cục Thống kê tỉnh", "Bảo hiểm xã hội tỉnh",
            "Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Quản lý thị trường", "Bệnh viện Sản - Nhi tỉnh",
            "Bệnh viện Y học cổ truyền tỉnh", "Bệnh viện Tâm thần tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh",
            "Trường Cao đẳng Kỹ thuật Công nghiệp", "Trung tâm Xúc tiến Đầu tư tỉnh",
            "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp",
            "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", "Trung tâm Phát triển quỹ đất tỉnh",
            "Văn phòng Đăng ký đất đai tỉnh", "Thư viện tỉnh", "Bảo tàng Tổng hợp tỉnh", "Trung tâm Văn hóa tỉnh",
            "Trung tâm Khuyến nông tỉnh", "Chi cục Chăn nuôi và Thú y", "Chi cục Trồng trọt và Bảo vệ thực vật",
            "Trung tâm Dịch vụ việc làm tỉnh", "Cơ sở Cai nghiện ma túy tỉnh", "Trung tâm Công tác xã hội tỉnh",
            "Trường Cao đẳng Cộng đồng", "Trung tâm Lưu trữ lịch sử tỉnh"};

    private static final String[] CHAPTERS = {"Văn phòng", "Thanh tra", "Phòng Kế hoạch - Tài chính",
            "Phòng Tổ chức cán bộ", "Phòng Nghiệp vụ", "Phòng Tổng hợp", "Trung tâm Thông tin",
            "Phòng Quản lý chuyên ngành", "Trung tâm Dịch vụ"};
    private static final String[] CHAPTER_CODES = {"VP", "TT", "KHTC", "TCCB", "NV", "TH", "TTTT", "QLCN", "TTDV"};

    private static final String[] POSITIONS = {"Chuyên viên", "Chuyên viên", "Chuyên viên", "Chuyên viên chính",
            "Chuyên viên chính", "Trưởng phòng", "Phó Trưởng phòng", "Phó Giám đốc", "Kế toán", "Văn thư",
            "Nhân viên", "Cán sự"};

    private Vocabulary() {
    }

    static String family(SplittableRandom r) {
        double x = r.nextDouble() * FAMILY_CUMULATIVE[FAMILY_CUMULATIVE.length - 1];
        for (int i = 0; i < FAMILY_CUMULATIVE.length; i++) {
            if (x < FAMILY_CUMULATIVE[i]) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }

    static String middle(SplittableRandom r, Sex sex) {
        String[] pool = sex == Sex.MALE ? MIDDLE_MEN : MIDDLE_WOMEN;
        // "Văn" and "Thị" are far the most common
        return r.nextInt(100) < 45 ? pool[0] : pool[r.nextInt(pool.length)];
    }

    static String given(SplittableRandom r, Sex sex) {
        String[] pool = sex == Sex.MALE ? GIVEN_MEN : GIVEN_WOMEN;
        return pool[r.nextInt(pool.length)];
    }

    static String agency(int g) {
        return g < AGENCIES.length ? AGENCIES[g] : AGENCIES[g % AGENCIES.length] + " (đơn vị " + (g + 1) + ")";
    }

    static String chapterName(int c) {
        return "Chi bộ " + (c < CHAPTERS.length ? CHAPTERS[c] : "số " + (c + 1));
    }

    static String chapterCode(int c) {
        return c < CHAPTER_CODES.length ? CHAPTER_CODES[c] : "CB" + (c + 1);
    }

    static String position(SplittableRandom r) {
        return POSITIONS[r.nextInt(POSITIONS.length)];
    }

    private static double[] cumulative(double[] shares) {
        double[] out = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            out[i] = sum;
        }
        return out;
    }
}
