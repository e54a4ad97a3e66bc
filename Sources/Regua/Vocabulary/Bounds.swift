/// Every resource limit of the rule language, in one place: the lexer, the parser, the compiler
/// and the Swift builder read them here, their messages quote them, and
/// `Documentation/Language.md` lists them. Rule files may come from untrusted tenants; these
/// keep every file cheap to read and every cadence cheap to evaluate.
public enum Bounds {
  /// The largest rule file, in bytes: 4 MiB.
  public static let fileBytes = 4 * 1024 * 1024
  /// The longest line of a rule file, in bytes.
  public static let lineBytes = 4096
  /// The deepest nesting of parentheses, lists and `not` in a condition.
  public static let expressionDepth = 32
  /// The most items of an `in [...]` list.
  public static let listItems = 256
  /// The most days an offset counts from its anchor, before or after: ten years.
  public static let offsetDays = 3650
  /// The days `catch up N days` accepts.
  public static let catchUpDays = 0...3650
  /// The contacts `limit C N per M days` accepts as N.
  public static let limitCount = 1...1000
  /// The days `limit C N per M days` accepts as M.
  public static let limitDays = 1...3650
}
