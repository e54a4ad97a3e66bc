/// Input text made safe to show to people: on a terminal, in a log, in a diff.
///
/// Rule files and documents may come from untrusted tenants, and what they contain ends up on
/// clerks' terminals. Written raw, an `ESC` starts a terminal escape sequence, a newline forges an
/// output line, and a bidirectional override makes text display in another order than it reads
/// (trojan source). ``escaped(_:)`` writes every such character as a visible escape; ``excerpt(_:limit:)``
/// also cuts long text short, so an error about a 100 MB field quotes a few dozen characters.
///
/// ```swift
/// SafeText.escaped("INV-1\u{1B}[2J")      // INV-1\u{1B}[2J, as ten visible characters
/// SafeText.excerpt(String(repeating: "a", count: 10_000))
/// // aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (10000 bytes)
/// ```
public enum SafeText {
  /// How many characters an excerpt keeps by default.
  public static let excerptCharacters = 40

  /// Whether a scalar must not reach a terminal raw: C0 and C1 control characters, `DEL`, the
  /// line and paragraph separators, and the bidirectional formatting characters (embeddings,
  /// overrides, isolates and marks).
  public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
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
    // Every unsafe scalar starts with a byte below 0x20, 0x7F, 0xC2 (C1), 0xD8 (U+061C) or 0xE2
    // (U+2000–U+2FFF); text without those bytes is safe without decoding it.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) {
      return true
    }
    return !text.unicodeScalars.contains(where: isUnsafe)
  }

  /// A code point as Unicode writes it: `U+` and at least four upper-case hexadecimal digits
  /// (`U+001B`, `U+202E`, `U+1F600`).
  public static func codePoint(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `text` with every unsafe scalar written as a visible escape: `\n`, `\r`, `\t` by name, the
  /// others as `\u{1B}`; a backslash stays a backslash (the result is for reading, not parsing).
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
