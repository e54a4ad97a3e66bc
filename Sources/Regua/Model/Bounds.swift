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
  /// The days `catch up N days` accepts.
  public static let catchUpDays = 0...3650
  /// The contacts `limit C N per M days` accepts as N.
  public static let limitCount = 1...1000
  /// The days `limit C N per M days` accepts as M.
  public static let limitDays = 1...3650
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
