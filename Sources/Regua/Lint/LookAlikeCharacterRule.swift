/// A string holding a letter of another script that looks like an ASCII letter (Cyrillic `а` for
/// `a`, see ``LookAlikes``) in a word otherwise written in ASCII or in such letters: `tagged
/// "vаp"` with a Cyrillic `а` reads as `tagged "vap"` and never matches the tag `vap`.
///
/// Words written in another script (`"Привет"`, which holds letters with no ASCII twin) are
/// left alone; bare words cannot hold a look-alike at all: the lexer rejects it.
enum LookAlikeCharacterRule: LintRule {
  static let code = DiagnosticCode.lookAlikeCharacter
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for string in file.nonASCIIStrings {
      guard let letter = firstLookAlike(in: string.value), let meant = LookAlikes.letters[letter] else { continue }
      let fixed = string.value.unicodeScalars.map { scalar in
        LookAlikes.letters[scalar].map { String($0) } ?? String(scalar)
      }
      .joined()
      warnings.append(
        warning(
          "look-alike character \(LookAlikes.describe(letter)) in the string `\(SafeText.excerpt(string.value))`: "
            + "it looks like `\(meant)`",
          at: string.range,
          help: "type the ASCII letter: `\"\(SafeText.excerpt(fixed))\"`"))
    }
    return warnings
  }

  /// The first look-alike letter of a word of `text` whose other letters are all Latin — ASCII
  /// or accented, as Portuguese writes `"cobrança"` and `"notificação"` (a word being a run of
  /// letters, digits and combining marks).
  static func firstLookAlike(in text: String) -> Unicode.Scalar? {
    var found: Unicode.Scalar?
    var foreign = false
    for scalar in text.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if LookAlikes.letters[scalar] != nil {
          if found == nil { found = scalar }
        } else if !isLatin(scalar) {
          foreign = true
        }
        continue
      }
      // The end of a word.
      if let found, !foreign { return found }
      found = nil
      foreign = false
    }
    return foreign ? nil : found
  }

  /// Whether a letter is Latin: ASCII, or the accented letters of Latin-1 Supplement, Latin
  /// Extended-A and -B and Latin Extended Additional (`ç`, `ã`, `é`, `ő`, `ạ`).
  static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII || (0xC0...0x24F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value)
  }
}
