package org.cadre.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;
import org.cadre.organizations.BulkLoad;
import org.cadre.organizations.MemberStatus;
import org.cadre.organizations.OrganizationKind;
import org.cadre.organizations.OrganizationRole;
import org.cadre.organizations.Sex;

/**
 * Generates a bloc deterministically from a seed: the same seed and scale give the same rows, ids included.
 * Every grassroots organization draws from random streams of its own (derived from the seed and its number), so a
 * range of grassroots organizations can be written without the others, and nothing is kept between them: memory
 * stays flat at any scale. Rows go out in COPY-friendly order: agencies, organizations, then members.
 */
public final class BlocGenerator {

    /** The day the generated data describes; fixed, so that the same seed always gives the same data. */
    public static final LocalDate REFERENCE_DATE = LocalDate.of(2025, 12, 31);
    /** The committee term the generated roles start with. */
    static final LocalDate TERM_START = LocalDate.of(2020, 9, 1);
    /** When the bloc committee was founded: every organization under it was founded on or after this day. */
    static final LocalDate BLOC_ESTABLISHED = LocalDate.of(1990, 1, 1);
    public static final String BLOC_CODE = "DUK";
    static final int COMMITTEE_CHAPTERS_MIN = 2;
    static final int COMMITTEE_CHAPTERS_MAX = 8;

    private final long seed;
    private final Scale scale;
    private final int[] membersPerGrassroots;
    private final int[] firstCard;

    public BlocGenerator(long seed, Scale scale) {
        this.seed = seed;
        this.scale = scale;
        this.membersPerGrassroots = spread(scale.members(), scale.grassroots(), 5, new SplittableRandom(seed));
        this.firstCard = new int[scale.grassroots()];
        int next = 1;
        for (int g = 0; g < scale.grassroots(); g++) {
            firstCard[g] = next;
            next += membersPerGrassroots[g];
        }
    }

    public Scale scale() {
        return scale;
    }

    public UUID blocId() {
        return uuid(new SplittableRandom(seed ^ 0x5EED_B10CL));
    }

    /** Everything: the bloc committee and all grassroots organizations with their members. */
    public void write(BulkLoad.Sink sink) {
        write(sink, 0, scale.grassroots());
    }

    /** Grassroots organizations {@code from} (inclusive) to {@code to}; the bloc committee comes with 0. */
    public void write(BulkLoad.Sink sink, int from, int to) {
        for (int g = from; g < to; g++) {
            Grassroots unit = grassroots(g);
            sink.agency(unit.agencyId, unit.code, unit.agencyName, unit.head.fullName());
        }
        if (from == 0) {
            sink.organization(blocId(), BLOC_CODE, "Đảng bộ Khối các cơ quan tỉnh", OrganizationKind.BLOC_COMMITTEE,
                    null, BLOC_ESTABLISHED, null);
        }
        for (int g = from; g < to; g++) {
            Grassroots unit = grassroots(g);
            sink.organization(unit.id, unit.code, unit.name, unit.chapters == 0 ? OrganizationKind.GRASSROOTS_CHAPTER
                    : OrganizationKind.GRASSROOTS_COMMITTEE, blocId(), unit.established, unit.agencyId);
            for (int c = 0; c < unit.chapters; c++) {
                sink.organization(unit.chapterId(c), unit.code + "-" + Vocabulary.chapterCode(c),
                        Vocabulary.chapterName(c), OrganizationKind.CHAPTER, unit.id,
                        unit.established.plusMonths(1 + c), unit.agencyId);
            }
        }
        for (int g = from; g < to; g++) {
            members(grassroots(g), sink);
        }
    }

    /** The structure of grassroots organization {@code g}: drawn again identically whenever it is asked for. */
    Grassroots grassroots(int g) {
        SplittableRandom r = new SplittableRandom(mix(g, 1));
        Grassroots unit = new Grassroots();
        unit.number = g;
        unit.id = uuid(r);
        unit.agencyId = uuid(r);
        unit.chapterSeed = r.nextLong();
        String agency = Vocabulary.agency(g);
        unit.agencyName = agency;
        unit.code = "CS" + String.format("%05d", g + 1);
        // three in five are committees with chapters (đảng bộ cơ sở), the others single chapters (chi bộ cơ sở)
        boolean committee = g % 5 == 1 || g % 5 == 3 || g % 5 == 4;
        unit.chapters = committee ? COMMITTEE_CHAPTERS_MIN + r.nextInt(COMMITTEE_CHAPTERS_MAX - COMMITTEE_CHAPTERS_MIN + 1)
                : 0;
        unit.name = (committee ? "Đảng bộ " : "Chi bộ ") + agency;
        // founded with or after the bloc committee (1990), never before it
        unit.established = BLOC_ESTABLISHED.plusYears(r.nextInt(26)).plusMonths(r.nextInt(12)).plusDays(r.nextInt(28));
        unit.head = person(new SplittableRandom(mix(g, 2)), 45, 58);
        unit.members = membersPerGrassroots[g];
        return unit;
    }

    private void members(Grassroots unit, BulkLoad.Sink sink) {
        SplittableRandom r = new SplittableRandom(mix(unit.number, 3));
        int places = Math.max(1, unit.chapters);
        int[] perChapter = spread(unit.members, places, 5, r);
        int card = cardBase(unit.number);
        for (int c = 0; c < places; c++) {
            UUID chapter = unit.chapters == 0 ? unit.id : unit.chapterId(c);
            for (int i = 0; i < perChapter[c]; i++) {
                // a committee's leaders sit in different chapters (secretary in the first, deputy in the second,
                // the agency head in the third), not all in one small chapter that someone else leads
                boolean head = c == Math.min(2, places - 1) && i == (places > 2 ? 2 : 4);
                Person p = head ? unit.head : person(r, 23, 62);
                OrganizationRole role = null;
                UUID roleIn = null;
                if (i == 0) {
                    role = OrganizationRole.SECRETARY;
                } else if (i == 1 && perChapter[c] >= 9) {
                    role = OrganizationRole.DEPUTY_SECRETARY;
                } else if (c == 0 && unit.chapters > 0 && i == 2) {
                    role = OrganizationRole.SECRETARY;
                    roleIn = unit.id;
                } else if (c == Math.min(1, places - 1) && unit.chapters > 0 && i == (places > 1 ? 2 : 3)) {
                    role = OrganizationRole.DEPUTY_SECRETARY;
                    roleIn = unit.id;
                } else if (head) {
                    role = OrganizationRole.AGENCY_HEAD;
                    roleIn = unit.id;
                }
                sink.member(member(r, p, "51" + String.format("%08d", card++), chapter, role, roleIn));
            }
        }
    }

    private BulkLoad.Member member(SplittableRandom r, Person p, String card, UUID organization,
            OrganizationRole role, UUID roleIn) {
        int age = REFERENCE_DATE.getYear() - p.born.getYear();
        // admitted between 20 and 40, never after the reference date; about 3% still probationary
        LocalDate admitted;
        LocalDate confirmed;
        if (r.nextInt(100) < 3 && age < 40) {
            admitted = REFERENCE_DATE.minusDays(30 + r.nextInt(300));
            confirmed = null;
        } else {
            int admittedAge = Math.min(age - 1, 20 + r.nextInt(Math.max(1, Math.min(20, age - 20))));
            admitted = p.born.plusYears(admittedAge).plusDays(r.nextInt(300));
            if (!admitted.isBefore(REFERENCE_DATE.minusYears(1))) {
                admitted = REFERENCE_DATE.minusYears(1).minusDays(1 + r.nextInt(200));
            }
            confirmed = admitted.plusYears(1);
        }
        MemberStatus status = MemberStatus.ACTIVE;
        LocalDate statusFrom = admitted;
        if (age >= 60 && role == null && r.nextInt(100) < 25) {
            status = MemberStatus.EXEMPT; // miễn sinh hoạt: older members near or past retirement
            statusFrom = p.born.plusYears(60).plusDays(r.nextInt(200));
            if (statusFrom.isAfter(REFERENCE_DATE)) {
                statusFrom = REFERENCE_DATE.minusDays(10);
            }
        }
        String nationalId = r.nextInt(100) < 85 ? nationalId(r, p) : null;
        boolean civilServant = r.nextInt(100) < 85;
        String position = role == OrganizationRole.AGENCY_HEAD ? "Giám đốc" : Vocabulary.position(r);
        return new BulkLoad.Member(uuid(r), card, p.family, p.middle, p.given, p.born, p.sex, nationalId, admitted,
                confirmed, civilServant, position, organization, status, statusFrom, role, roleIn,
                role == null ? null : latest(TERM_START, confirmed == null ? admitted : confirmed));
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String nationalId(SplittableRandom r, Person p) {
        int century = p.born.getYear() >= 2000 ? 2 : 0;
        int sexDigit = century + (p.sex == Sex.FEMALE ? 1 : 0);
        return "051" + sexDigit + String.format("%02d", p.born.getYear() % 100)
                + String.format("%06d", r.nextInt(1_000_000));
    }

    private Person person(SplittableRandom r, int minAge, int maxAge) {
        Person p = new Person();
        p.sex = r.nextInt(100) < 52 ? Sex.MALE : Sex.FEMALE;
        p.family = Vocabulary.family(r);
        p.middle = Vocabulary.middle(r, p.sex);
        p.given = Vocabulary.given(r, p.sex);
        int age = r.nextInt(100) < 3 ? 60 + r.nextInt(8) : minAge + r.nextInt(maxAge - minAge + 1);
        p.born = REFERENCE_DATE.minusYears(age).minusDays(r.nextInt(365));
        return p;
    }

    private int cardBase(int g) {
        return firstCard[g];
    }

    private long mix(int g, int stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (g + 1L) + 0xBF58476D1CE4E5B9L * stream;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static UUID uuid(SplittableRandom r) {
        long most = (r.nextLong() & ~0xF000L) | 0x4000L;
        long least = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** Splits {@code total} over {@code parts} with random weights and a minimum each, summing exactly to it. */
    static int[] spread(int total, int parts, int minimum, SplittableRandom r) {
        int floor = total >= minimum * parts ? minimum : 0;
        double[] weights = new double[parts];
        double sum = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = 0.5 + r.nextDouble();
            sum += weights[i];
        }
        int[] out = new int[parts];
        int given = 0;
        for (int i = 0; i < parts; i++) {
            out[i] = floor + (int) Math.floor((total - floor * parts) * weights[i] / sum);
            given += out[i];
        }
        for (int i = 0; given < total; i = (i + 1) % parts) {
            out[i]++;
            given++;
        }
        return out;
    }

    /** One person's identity, drawn from the weighted pools. */
    static final class Person {
        Sex sex;
        String family;
        String middle;
        String given;
        LocalDate born;

        String fullName() {
            return family + " " + middle + " " + given;
        }
    }

    /** The drawn structure of one grassroots organization. */
    static final class Grassroots {
        int number;
        UUID id;
        UUID agencyId;
        long chapterSeed;
        String code;
        String name;
        String agencyName;
        int chapters;
        int members;
        LocalDate established;
        Person head;

        UUID chapterId(int c) {
            SplittableRandom r = new SplittableRandom(chapterSeed + c * 0x9E3779B97F4A7C15L);
            return uuid(r);
        }
    }
}
