/// Characters that pass for others: letters of other scripts that look like ASCII letters
/// (Cyrillic `е` for `e`), and characters that show as nothing (a zero-width space, a byte-order
/// mark). A word holding one reads as a keyword, a field name or a status and is not one; the
/// messages that reject it name the character by its code point.
public enum LookAlikes {
  /// Letters that look like ASCII letters, and the letter each imitates.
  public static let letters: [Unicode.Scalar: Character] = [
    "\u{0430}": "a", "\u{0435}": "e", "\u{043E}": "o", "\u{0440}": "p", "\u{0441}": "c", "\u{0443}": "y",
    "\u{0445}": "x", "\u{0456}": "i", "\u{0458}": "j", "\u{0455}": "s", "\u{04BB}": "h", "\u{0501}": "d",
    "\u{0410}": "A", "\u{0415}": "E", "\u{041E}": "O", "\u{0420}": "P", "\u{0421}": "C", "\u{0425}": "X",
    "\u{03BF}": "o", "\u{03B1}": "a", "\u{0391}": "A", "\u{0395}": "E", "\u{039F}": "O", "\u{03C1}": "p",
    "\u{0131}": "i", "\u{FF45}": "e",
  ]

  /// Whether a scalar shows as nothing: a space other than U+0020, a format character, a
  /// combining mark on its own, a control, a default-ignorable code point (a Hangul filler).
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    if SafeText.isDefaultIgnorable(scalar) { return true }
    switch scalar.properties.generalCategory {
    case .spaceSeparator: return scalar != " "
    case .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator, .control: return true
    default: return false
    }
  }

  /// A scalar for a message: the character in backticks, then its code point and name
  /// (U+0435 CYRILLIC SMALL LETTER IE); an invisible one is shown as its escape, `\u{200B}`,
  /// since quoted as is it would look like nothing.
  public static func describe(_ scalar: Unicode.Scalar) -> String {
    let name = scalar.properties.name.map { " " + $0 } ?? ""
    let shown =
      isInvisible(scalar)
      ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : SafeText.escaped(String(scalar))
    return "`\(shown)` (\(SafeText.codePoint(scalar.value))\(name))"
  }

  /// A note on the first look-alike or invisible character of `text`, for a message that
  /// rejects it ("it holds … (U+0435 CYRILLIC SMALL LETTER IE), which looks like e"), or an empty
  /// string when it holds none. Plain text costs one scan of its bytes.
  public static func note(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 >= 0x80 }) else { return "" }
    for scalar in text.unicodeScalars.prefix(SafeText.excerptCharacters) {
      if let letter = letters[scalar] { return "; it holds \(describe(scalar)), which looks like `\(letter)`" }
      if isInvisible(scalar), !SafeText.isUnsafe(scalar) { return "; it holds \(describe(scalar)), which is invisible" }
    }
    return ""
  }
}
