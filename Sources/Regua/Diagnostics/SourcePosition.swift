/// A position in a rule file: 1-based line, 1-based column counted in the characters a person
/// sees (not bytes), and the byte offset it was read at.
///
/// People read lines and columns; editors want UTF-16 columns, which
/// ``SourceFile/utf16Column(of:)`` computes from the byte offset; tools slicing the text use the
/// offset itself. Two positions are equal when their lines and columns are: in one file, those
/// decide the offset.
///
/// Positions are kept small (twelve bytes; a rule file has at most 4 MiB): lines, columns and
/// offsets beyond 2,147,483,647 are clamped to it.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
  private var storedLine: Int32
  private var storedColumn: Int32
  /// The offset, or -1 for none.
  private var storedOffset: Int32

  /// The line, starting at 1.
  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = SourcePosition.clamped(newValue) }
  }
  /// The column, starting at 1, in user-visible characters.
  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = SourcePosition.clamped(newValue) }
  }
  /// The UTF-8 byte offset from the start of the file, or `nil` for a position not read from a
  /// file's text.
  public var offset: Int? {
    get { storedOffset < 0 ? nil : Int(storedOffset) }
    set { storedOffset = newValue.map { SourcePosition.clamped(max($0, 0)) } ?? -1 }
  }

  /// Creates a location.
  public init(line: Int, column: Int, offset: Int? = nil) {
    storedLine = SourcePosition.clamped(line)
    storedColumn = SourcePosition.clamped(column)
    storedOffset = offset.map { SourcePosition.clamped(max($0, 0)) } ?? -1
  }

  /// A position read from a file of at most 4 MiB, whose values fit: no clamping (the lexer makes
  /// one per token boundary).
  init(readLine line: Int, column: Int, offset: Int) {
    storedLine = Int32(truncatingIfNeeded: line)
    storedColumn = Int32(truncatingIfNeeded: column)
    storedOffset = Int32(truncatingIfNeeded: offset)
  }

  private static func clamped(_ value: Int) -> Int32 {
    Int32(clamping: value)
  }

  /// Compares lines and columns.
  public static func == (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    lhs.storedLine == rhs.storedLine && lhs.storedColumn == rhs.storedColumn
  }

  /// Hashes the line and column.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(storedLine)
    hasher.combine(storedColumn)
  }

  /// `line:column`.
  public var description: String { "\(line):\(column)" }

  /// Orders locations by line, then column.
  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
  }
}

/// A span of a rule file, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
  /// The first character of the span.
  public var start: SourcePosition
  /// Just past the last character of the span.
  public var end: SourcePosition

  /// Creates a range.
  public init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = max(start, end)
  }

  /// A range whose end is known not to come before its start.
  init(orderedStart start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// The range from the start of `self` to the end of `other`.
  public func extended(to other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  /// `line:column`.
  public var description: String { start.description }
}
