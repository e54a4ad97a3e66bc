/// Every resource limit, in one place: the lexer, the parser, the compiler, the document reader
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
  /// The most business days a business-day offset may count (`D+2600 business days`): about ten
  /// years of five-day weeks, so that no offset reaches further than a calendar-day one.
  public static let offsetBusinessDays = 2600
  /// The days `catch up N days` accepts.
  public static let catchUpDays = 0...3650
  /// The contacts `limit C N per M days` accepts as N.
  public static let limitCount = 1...1000
  /// The days `limit C N per M days` accepts as M.
  public static let limitDays = 1...3650
}

// MARK: - Rule files: counts and lengths

extension Bounds {
  /// The most steps one cadence declares. A real cadence has a few dozen; this keeps a 4 MiB file
  /// of short steps (some 350,000 of them) from making every evaluation cost that much.
  public static let stepsPerCadence = 20_000
  /// The most `limit` lines one cadence declares.
  public static let limitsPerCadence = 1000
  /// The most `window` lines one cadence declares.
  public static let windowsPerCadence = 1000
  /// The most `test` blocks one rule file declares.
  public static let testsPerFile = 1000
  /// The most `calendar` declarations one rule file holds. Each calendar indexes its business
  /// days when it is made (about 21 KB); a real rules directory declares a handful.
  public static let calendarsPerFile = 256
  /// The most lines one `rates` declaration holds. A table of months from 1900 to 2200, the years
  /// its periods may fall in, has 3,612; one past this bound is mostly repeated periods, each an
  /// error, and the bound keeps their count down.
  public static let rateLinesPerTable = 10_000
  /// The most lines the `test` blocks of one rule file hold together (their headers aside,
  /// timeline entries included).
  public static let testLinesPerFile = 20_000
  /// The longest name, in bytes: a cadence's or a test's name, a step id, a tag, a channel, a time
  /// zone, a calendar, a string in a condition, an id or a segment in a test.
  public static let nameBytes = 256
  /// The versions `cadence "name" version N` accepts.
  public static let versions = 0...1_000_000
  /// The largest whole number of days a condition compares `days-overdue` with, either sign.
  public static let conditionDays = 1_000_000
  /// The work "did you mean" suggestions may take for one rule file (or one run of its tests):
  /// one unit per candidate looked at and per cell of an edit-distance table. A file with a few
  /// typos spends a few thousand; past this, messages give their general help instead.
  public static let suggestionWork = 2_000_000
}

// MARK: - Documents
// The limits of invoice documents, read from JSON or built in Swift: the reader and the
// invoice's validation both enforce them, so a document cannot make an evaluation expensive.
extension Bounds {
  /// The longest id (invoice, customer, history step), in bytes.
  public static let idBytes = 256
  /// The longest other string of a document (segment, tag, time zone), in bytes.
  public static let textBytes = 1024
  /// The most items of one list of a document: payments, history entries, tags, channels.
  public static let documentItems = 10_000
  /// The most entries of a document's `metadata`.
  public static let metadataEntries = 64
  /// The longest `metadata` key, in bytes.
  public static let metadataKeyBytes = 64
  /// The longest `metadata` value, in bytes.
  public static let metadataValueBytes = 1024
  /// The deepest nesting the document reader follows (through values it then rejects).
  public static let documentDepth = 64
  /// The most problems one input reports; the rest are counted.
  public static let reportedInputErrors = 20
}

extension Bounds {
  /// The largest invoice document, in bytes: 1 MiB. The reader refuses a larger one before
  /// reading it, and a JSON Lines portfolio refuses a longer line.
  public static let documentBytes = 1024 * 1024
}
