/// A string holding a character that shows as nothing: a zero-width space, a word joiner, a soft
/// hyphen, a variation selector (Unicode's default-ignorable code points). `tagged "vip"` with a
/// zero-width space inside reads as `tagged "vip"` and never matches the tag `vip`: its step
/// never fires, and nothing says why.
///
/// Bare words (keywords, ids, offsets) cannot hold one at all: the lexer rejects it.
enum InvisibleCharacterRule: LintRule {
  static let code = DiagnosticCode.invisibleCharacter
  static func lint(_ file: LintInput) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    for string in file.nonASCIIStrings {
      let invisible = string.value.unicodeScalars.filter(SafeText.isDefaultIgnorable)
      guard let first = invisible.first else { continue }
      let shown = String(
        String.UnicodeScalarView(string.value.unicodeScalars.filter { !SafeText.isDefaultIgnorable($0) }))
      let others = invisible.count > 1 ? " (and \(invisible.count - 1) more)" : ""
      warnings.append(
        warning(
          "invisible character \(SafeText.named(first))\(others) in the string `\(SafeText.excerpt(string.value))`",
          at: string.range,
          help: "remove it: the string shows as `\(SafeText.excerpt(shown))` but is not equal to it"))
    }
    return warnings
  }
}
