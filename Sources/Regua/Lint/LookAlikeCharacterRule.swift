/// A string holding a letter of another script that looks like an ASCII letter (Cyrillic `а` for
/// `a`, see ``LookAlikes``) in a word otherwise written in ASCII or in such letters: `tagged
/// "vаp"` with a Cyrillic `а` reads as `tagged "vap"` and never matches the tag `vap`.
///
/// Words written in another script (`"Привет"`, which holds letters with no ASCII twin) are
/// left alone; bare words cannot hold a look-alike at all: the lexer rejects it.
enum LookAlikeCharacterRule: LintRule {
  static let code = "look-alike-character"
  static let summary = "A letter of another script that looks like an ASCII letter (Cyrillic `а`), in a string."

  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for string in file.strings where string.value.utf8.contains(where: { $0 >= 0x80 }) {
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

  /// The first look-alike letter of a word of `text` whose letters are all ASCII or look-alikes
  /// (a word being a run of letters and digits).
  static func firstLookAlike(in text: String) -> Unicode.Scalar? {
    var found: Unicode.Scalar?
    var foreign = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        if LookAlikes.letters[scalar] != nil {
          if found == nil { found = scalar }
        } else if !scalar.isASCII {
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
}
