/// Characters a rule file may not hold where a reviewer would not see them, and their messages.
///
/// A rule file is read by a person (in `cat`, a diff, a code review) and by the lexer; these rules
/// keep the two readings the same (the "trojan source" attacks of CVE-2021-42574):
///
/// - A carriage return that does not end a line (`lone-carriage-return`) is an error anywhere: a
///   terminal prints what follows it over the start of the line, so `D+1 write off # \r  D+1 email
///   reminder` shows an e-mail and plans a write-off. `\r\n` line endings are accepted.
/// - A bidirectional formatting character (`bidirectional-control`: U+061C, U+200E, U+200F,
///   U+202A–U+202E, U+2066–U+2069) is an error in code and in strings, and a warning in a
///   comment, where right-to-left prose may use one, but where it can also reorder the code
///   around it on screen.
/// - Any other control character (`control-character`: C0 but the tab, `DEL`, C1, U+2028,
///   U+2029) is an error anywhere, comments included: an `ESC` starts a terminal escape sequence
///   that can move the cursor or erase a line.
///
/// Characters that show as nothing (``SafeText/isDefaultIgnorable(_:)``: a zero-width space, a
/// word joiner…) and letters that look like ASCII ones (``LookAlikes``) cannot start or continue
/// a bare word, so in code they are `unexpected-character` errors; in strings and comments the
/// lexer keeps them, and the linter warns about those in strings (`invisible-character`,
/// `look-alike-character`).
extension Lexer {
  /// The diagnostic's code, message and help for an unsafe character (one that
  /// ``SafeText/isTerminalControl(_:)``) found in code or in a string.
  static func unsafeCharacter(_ scalar: Unicode.Scalar) -> (code: DiagnosticCode, message: String, help: String) {
    let shown = SafeText.escaped(String(scalar))
    if scalar == "\r" {
      return (
        .loneCarriageReturn, "carriage return `\\r` without a line feed",
        "remove it: a terminal prints what follows it over the start of the line; lines end with `\\n` or `\\r\\n`"
      )
    }
    if SafeText.isBidirectionalControl(scalar) {
      return (
        .bidirectionalControl, "bidirectional control character `\(shown)` (\(bidirectionalName(scalar)))",
        "remove it: it makes the line display in another order than it is read"
      )
    }
    return (
      .controlCharacter, "control character `\(shown)`",
      "remove it: a terminal may act on it instead of showing it; in a string write a new line as `\\n`"
    )
  }

  /// The name of a bidirectional formatting character, in lower case.
  static func bidirectionalName(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x061C: return "arabic letter mark"
    case 0x200E: return "left-to-right mark"
    case 0x200F: return "right-to-left mark"
    case 0x202A: return "left-to-right embedding"
    case 0x202B: return "right-to-left embedding"
    case 0x202C: return "pop directional formatting"
    case 0x202D: return "left-to-right override"
    case 0x202E: return "right-to-left override"
    case 0x2066: return "left-to-right isolate"
    case 0x2067: return "right-to-left isolate"
    case 0x2068: return "first strong isolate"
    case 0x2069: return "pop directional isolate"
    default: return "a formatting character"
    }
  }

  /// The problems of the comment that runs from `start` to the end of the line: a warning for the
  /// first bidirectional control; an error for a lone carriage return or another control
  /// character, after which the rest of the comment is not read. Tabs are fine.
  static func commentProblems(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, range: (Int, Int) -> SourceRange
  ) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    var i = start
    while i < bytes.count {
      let byte = bytes[i]
      let length =
        SafeText.mayStartTerminalControl(byte) && byte != UInt8(ascii: "\t")
        ? SafeText.terminalControlLength(bytes, at: i) : 0
      guard length > 0 else {
        i += 1
        continue
      }
      let scalar = SafeText.unsafeScalar(bytes, at: i, length: length)
      let problem = unsafeCharacter(scalar)
      guard SafeText.isBidirectionalControl(scalar) else {
        problems.append(.error(problem.code, problem.message, at: range(i, i + length), help: problem.help))
        return problems
      }
      if problems.isEmpty {
        problems.append(
          Diagnostic(
            .warning, code: problem.code, message: problem.message + " in a comment", range: range(i, i + length),
            help: "it can make the code around it display in another order than it is read; remove it"))
      }
      i += length
    }
    return problems
  }
}
