/// Input text made safe to show to people: on a terminal, in a log, in a diff.
///
/// Rule files and documents may come from untrusted tenants, and what they contain ends up on
/// clerks' terminals. Written raw, an `ESC` starts a terminal escape sequence, a newline forges an
/// output line, a bidirectional override makes text display in another order than it reads
/// (trojan source), and a zero-width space makes `INV-1` and `INV-\u{200B}1` print alike.
/// ``escaped(_:)`` writes every such character as a visible escape; ``excerpt(_:limit:)`` also
/// cuts long text short, so an error about a 100 MB field quotes a few dozen characters.
///
/// ```swift
/// SafeText.escaped("INV-1\u{1B}[2J")      // INV-1\u{1B}[2J, as ten visible characters
/// SafeText.excerpt(String(repeating: "a", count: 10_000))
/// // aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (10000 bytes)
/// ```
public enum SafeText {
  /// How many characters an excerpt keeps by default.
  public static let excerptCharacters = 40

  /// Whether a scalar must not reach a terminal raw: a terminal control (see
  /// ``isTerminalControl(_:)``) or a character that shows as nothing (see
  /// ``isDefaultIgnorable(_:)``), which would make two different texts print alike.
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    isTerminalControl(scalar) || isDefaultIgnorable(scalar)
  }

  /// Whether a terminal acts on a scalar instead of showing it: C0 and C1 control characters,
  /// `DEL`, the line and paragraph separators, and the bidirectional formatting characters
  /// (embeddings, overrides, isolates and marks). A rule file may hold none of them in code or
  /// strings.
  public static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Whether a scalar is a default-ignorable code point: one that shows as nothing where it is
  /// not supported (a zero-width space, a soft hyphen, a variation selector, a tag character).
  ///
  /// The list is Unicode's `Default_Ignorable_Code_Point` property (`DerivedCoreProperties.txt`,
  /// Unicode 16.0), 4,174 code points; a test compares it with the standard library's
  /// `Unicode.Scalar.Properties.isDefaultIgnorableCodePoint` for every scalar. Several of them
  /// are also bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E,
  /// U+2066–U+2069).
  public static func isDefaultIgnorable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00AD, 0x034F, 0x061C, 0x115F...0x1160, 0x17B4...0x17B5, 0x180B...0x180F: return true
    case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164: return true
    case 0xFE00...0xFE0F, 0xFEFF, 0xFFA0, 0xFFF0...0xFFF8: return true
    case 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF: return true
    default: return false
    }
  }

  /// Whether a scalar is a bidirectional formatting character (an embedding, override, isolate or
  /// mark): the characters of trojan-source attacks.
  public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// Whether `text` holds nothing that ``escaped(_:)`` would change.
  public static func isSafe(_ text: String) -> Bool {
    firstUnsafe(in: text) == nil
  }

  /// The first scalar of `text` that ``isUnsafe(_:)``, or `nil`.
  ///
  /// Text is first scanned as bytes: only a byte that may start an unsafe scalar in UTF-8 (a C0
  /// control, `DEL`, or one of nine lead bytes) makes it decode the
  /// text, so ASCII and most Latin text cost one pass over their bytes.
  public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
    let mayHoldOne =
      text.utf8.withContiguousStorageIfAvailable { $0.contains(where: mayStartUnsafe) }
      ?? text.utf8.contains(where: mayStartUnsafe)
    guard mayHoldOne else { return nil }
    return text.unicodeScalars.first(where: isUnsafe)
  }

  /// A scalar for a message: its code point and, when Unicode names it, its name
  /// (`U+200B ZERO WIDTH SPACE`, `U+001B ESCAPE`).
  public static func named(_ scalar: Unicode.Scalar) -> String {
    let name = scalar.properties.name ?? scalar.properties.nameAlias
    return codePoint(scalar.value) + (name.map { " " + $0 } ?? "")
  }

  /// A code point as Unicode writes it: `U+` and at least four upper-case hexadecimal digits
  /// (`U+001B`, `U+202E`, `U+1F600`).
  public static func codePoint(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `text` with every unsafe scalar written as a visible escape: `\n`, `\r`, `\t` by name, the
  /// others as `\u{1B}` (`\u{200B}` for a zero-width space); a backslash stays a backslash (the
  /// result is for reading, not parsing).
  public static func escaped(_ text: String) -> String {
    if isSafe(text) { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      guard isUnsafe(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// At most `limit` characters of `text`, escaped; when it is cut, an ellipsis and the text's
  /// full length in bytes follow (`aaaa… (104857600 bytes)`).
  public static func excerpt(_ text: String, limit: Int = excerptCharacters) -> String {
    var kept = ""
    var count = 0
    var index = text.startIndex
    while index < text.endIndex, count < limit {
      kept.append(text[index])
      count += 1
      index = text.index(after: index)
    }
    if index == text.endIndex { return escaped(kept) }
    return escaped(kept) + "… (\(text.utf8.count) bytes)"
  }
}
