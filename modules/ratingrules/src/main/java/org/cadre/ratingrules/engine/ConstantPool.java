package org.cadre.ratingrules.engine;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compiled class refers to, read from its constant pool (JVM specification, 4.4): the classes it names, the
 * methods and fields it uses (owner, name, descriptor), and every class a descriptor mentions. Code can reach
 * nothing else: a call, a field, a type, a lambda all go through the constant pool. Its methods' code is read as
 * well, for loops and for arrays of any size.
 */
final class ConstantPool {

    /** A method or field used: {@code owner.name descriptor}, with the owner in internal form. */
    record Member(String owner, String name, String descriptor, boolean method) {
    }

    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([^;<>]+)[;<]");

    private final Set<String> classes = new LinkedHashSet<>();
    private final Set<Member> members = new LinkedHashSet<>();
    /** Methods whose code jumps backwards (a loop), by name. */
    private final Set<String> looping = new LinkedHashSet<>();
    /** Methods that create an array whose size is not a small constant, by name. */
    private final Set<String> sizedArrays = new LinkedHashSet<>();

    private ConstantPool() {
    }

    Set<String> classes() {
        return classes;
    }

    Set<Member> members() {
        return members;
    }

    Set<String> looping() {
        return looping;
    }

    Set<String> sizedArrays() {
        return sizedArrays;
    }

    static ConstantPool read(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            int[] tags = new int[count];
            int[] first = new int[count];
            int[] second = new int[count];
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        first[i] = in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            ConstantPool pool = new ConstantPool();
            pool.readCode(in, utf8);
            for (int i = 1; i < count; i++) {
                switch (tags[i]) {
                    case 7 -> pool.addClass(utf8[first[i]]);
                    case 9, 10, 11 -> {
                        String owner = utf8[first[first[i]]];
                        int nameAndType = second[i];
                        String name = utf8[first[nameAndType]];
                        String descriptor = utf8[second[nameAndType]];
                        pool.addClass(owner);
                        pool.addDescriptor(descriptor);
                        pool.members.add(new Member(owner.startsWith("[") ? "java/lang/Object" : owner, name,
                                descriptor, tags[i] != 9));
                    }
                    case 12 -> pool.addDescriptor(utf8[second[i]]);
                    case 16 -> pool.addDescriptor(utf8[first[i]]);
                    default -> {
                    }
                }
            }
            return pool;
        }
    }

    private void addClass(String name) {
        if (name.startsWith("[")) {
            addDescriptor(name);
        } else {
            classes.add(name);
        }
    }

    private void addDescriptor(String descriptor) {
        Matcher matcher = TYPE_IN_DESCRIPTOR.matcher(descriptor);
        while (matcher.find()) {
            classes.add(matcher.group(1));
        }
    }

    /** Reads the methods after the constant pool, looking at each one's code. */
    private void readCode(DataInputStream in, String[] utf8) throws IOException {
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.readUnsignedShort();
        in.skipNBytes(2L * in.readUnsignedShort());
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if ("Code".equals(attribute)) {
                    byte[] body = in.readNBytes(length);
                    DataInputStream code = new DataInputStream(new ByteArrayInputStream(body));
                    code.skipNBytes(4);
                    scan(name, code.readNBytes(code.readInt()));
                } else {
                    in.skipNBytes(length);
                }
            }
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    /**
     * Walks the instructions of one method (JVM specification, chapter 6): a branch with a negative offset is a
     * loop; an array created with a size that is not pushed as a constant just before could be of any size.
     */
    private void scan(String method, byte[] code) {
        int pc = 0;
        int previous = -1;
        while (pc < code.length) {
            int opcode = code[pc] & 0xFF;
            int length;
            if (opcode == 0xAA || opcode == 0xAB) {
                int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                if (int32(code, at) < 0) {
                    looping.add(method);
                }
                if (opcode == 0xAA) {
                    int low = int32(code, at + 4);
                    int high = int32(code, at + 8);
                    for (int i = 0; i <= high - low; i++) {
                        if (int32(code, at + 12 + 4 * i) < 0) {
                            looping.add(method);
                        }
                    }
                    length = at + 12 + 4 * (high - low + 1) - pc;
                } else {
                    int pairs = int32(code, at + 4);
                    for (int i = 0; i < pairs; i++) {
                        if (int32(code, at + 12 + 8 * i) < 0) {
                            looping.add(method);
                        }
                    }
                    length = at + 8 + 8 * pairs - pc;
                }
            } else if (opcode == 0xC4) {
                length = (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
            } else {
                length = LENGTHS[opcode];
                if ((opcode >= 0x99 && opcode <= 0xA8) || opcode == 0xC6 || opcode == 0xC7) {
                    if ((short) (((code[pc + 1] & 0xFF) << 8) | (code[pc + 2] & 0xFF)) < 0) {
                        looping.add(method);
                    }
                } else if ((opcode == 0xC8 || opcode == 0xC9) && int32(code, pc + 1) < 0) {
                    looping.add(method);
                } else if ((opcode == 0xBC || opcode == 0xBD) && !(previous >= 0x02 && previous <= 0x08
                        || previous == 0x10 || previous == 0x11)) {
                    sizedArrays.add(method);
                } else if (opcode == 0xC5) {
                    sizedArrays.add(method);
                }
            }
            previous = opcode;
            pc += length;
        }
    }

    private static int int32(byte[] code, int at) {
        return ((code[at] & 0xFF) << 24) | ((code[at + 1] & 0xFF) << 16) | ((code[at + 2] & 0xFF) << 8)
                | (code[at + 3] & 0xFF);
    }

    /** Instruction lengths by opcode, for the fixed-length ones (switches and wide are measured apart). */
    private static final int[] LENGTHS = new int[256];

    static {
        java.util.Arrays.fill(LENGTHS, 1);
        for (int opcode : new int[] {0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3A, 0xA9,
                0xBC}) {
            LENGTHS[opcode] = 2;
        }
        for (int opcode : new int[] {0x11, 0x13, 0x14, 0x84, 0xA7, 0xA8, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8,
                0xBB, 0xBD, 0xC0, 0xC1, 0xC6, 0xC7}) {
            LENGTHS[opcode] = 3;
        }
        for (int opcode = 0x99; opcode <= 0xA6; opcode++) {
            LENGTHS[opcode] = 3;
        }
        LENGTHS[0xC5] = 4;
        for (int opcode : new int[] {0xB9, 0xBA, 0xC8, 0xC9}) {
            LENGTHS[opcode] = 5;
        }
    }
}
