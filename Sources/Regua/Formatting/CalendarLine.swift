/// The canonical text of a calendar declaration's lines: the name quoted, the base bare when it
/// can be, one space between the parts.
enum CalendarLine {
  /// `calendar "BR-SP" extends BR`, or the header as written when it did not parse.
  static func printedHeader(_ calendar: CalendarSyntax) -> String {
    if let broken = calendar.brokenHeader { return broken }
    return "calendar \(SyntaxPrinter.quoted(calendar.name)) extends \(SyntaxPrinter.argument(calendar.base))"
  }

  /// `holiday 01-25 "Aniversário de São Paulo"`, `workday 2026-02-18`, or an error line as
  /// written.
  static func printed(_ kind: CalendarItemSyntax.Kind) -> String {
    switch kind {
    case .holiday(let holiday):
      return "holiday \(Parser.text(of: holiday.day)) \(SyntaxPrinter.quoted(holiday.name))"
    case .workday(let date, _, _):
      return "workday \(date)"
    case .error(let line):
      return line.text
    }
  }
}
