/// A `#` comment as written: its text after the `#`, where it is, and how deep it was indented.
public struct CommentSyntax: Sendable, Hashable {
  /// The text after the `#`, as written (usually starting with a space).
  public var text: String
  /// Where the comment is, from its `#` to the end of the line.
  public var range: SourceRange
  /// Whether the comment has a line of its own (otherwise it ends a line of code).
  public var isOwnLine: Bool
  /// How many white-space characters start the comment's line, for a comment on its own line.
  public var indent: Int

  /// Creates a comment.
  public init(text: String, range: SourceRange, isOwnLine: Bool, indent: Int) {
    self.text = text
    self.range = range
    self.isOwnLine = isOwnLine
    self.indent = indent
  }
}

/// What sits between two lines of code: a blank line or a comment on its own line.
public enum TriviaPiece: Sendable, Hashable {
  /// An empty line (or one of white space only).
  case blankLine
  /// A comment on a line of its own.
  case comment(CommentSyntax)
}

/// The blank lines and comments around one line of code: those before it, and the comment that
/// ends it. Every line of code in the syntax tree carries its trivia, so the tree keeps every
/// comment and blank line of the file, attached to the line it precedes.
public struct Trivia: Sendable, Hashable {
  /// Blank lines and own-line comments since the previous line of code, in order.
  public var leading: [TriviaPiece]
  /// The comment at the end of the line, if any.
  public var trailing: CommentSyntax?

  /// Creates trivia.
  public init(leading: [TriviaPiece] = [], trailing: CommentSyntax? = nil) {
    self.leading = leading
    self.trailing = trailing
  }

  /// No blank line and no comment.
  public static let none = Trivia()

  /// The comments, leading ones first.
  public var comments: [CommentSyntax] {
    leading.compactMap { piece in
      if case .comment(let comment) = piece { return comment }
      return nil
    } + (trailing.map { [$0] } ?? [])
  }
}

/// A line that did not parse, kept as written (comment included) so that nothing of the file is
/// lost: the error was reported, and tools (the formatter, an editor) see the line where it was.
public struct ErrorLineSyntax: Sendable, Hashable {
  /// The line's text, as written, without its indentation.
  public var text: String
  /// How many white-space characters start the line.
  public var indent: Int
  /// The line's tokens.
  public var range: SourceRange

  /// Creates an error line.
  public init(text: String, indent: Int, range: SourceRange) {
    self.text = text
    self.indent = indent
    self.range = range
  }
}
