/// A check that finds a likely mistake in a rule file that is not an error: the file works, but
/// probably not as its author meant. Each rule is one file of `Lint/`, with its code, its summary
/// and its messages beside it; ``Linter/rules`` lists them all.
///
/// A rule's code is a public contract: it appears in `check` output, in `# regua: ignore CODE`
/// comments and in `Documentation/Lint.md`, and never changes meaning.
protocol LintRule: Sendable {
  /// The stable code, from the registry, whose summary says what the rule finds.
  static var code: DiagnosticCode { get }
  /// The warnings for a file.
  static func lint(_ file: LintInput) -> [Diagnostic]
}

extension LintRule {
  /// A warning of this rule.
  static func warning(_ message: String, at range: SourceRange, help: String? = nil, notes: [String] = [])
    -> Diagnostic
  {
    Diagnostic(.warning, code: code, message: message, range: range, help: help, notes: notes)
  }
}

/// What the rules read: the file's text and syntax, and its cadences that compiled, each with its
/// syntax.
struct LintInput {
  /// One cadence declaration without errors, and what it compiled to.
  struct CadenceEntry {
    var syntax: CadenceSyntax
    var cadence: Cadence

    /// The step lines of the declaration, in order.
    var steps: [StepSyntax] {
      syntax.items.compactMap { item in
        if case .step(let step) = item.kind { return step }
        return nil
      }
    }

    /// The declaration's conditions: each step's `when` and `unless`, and its `stop` and `pause`
    /// conditions, in file order.
    var conditions: [ExpressionSyntax] {
      syntax.items.flatMap { item -> [ExpressionSyntax] in
        switch item.kind {
        case .step(let step): return [step.when, step.unless].compactMap { $0 }
        case .stop(let condition, _), .pause(let condition, _): return [condition]
        default: return []
        }
      }
    }
  }

  var source: SourceFile
  var file: RuleFileSyntax
  var cadences: [CadenceEntry]
  /// The calendars declared in the file's rules directory, by name, for the rules that place
  /// dates (a host's calendars are not known here).
  var calendars: [String: BusinessCalendar] = [:]
  /// Every quoted string of the file that holds a byte beyond ASCII (``quotedStrings(of:)``),
  /// gathered once for the rules that read strings.
  let nonASCIIStrings: [QuotedString]

  init(source: SourceFile, file: RuleFileSyntax, cadences: [CadenceEntry]) {
    self.source = source
    self.file = file
    self.cadences = cadences
    nonASCIIStrings = LintInput.quotedStrings(of: file).filter { $0.value.utf8.contains { $0 >= 0x80 } }
  }

  /// A quoted string of the file: its value and where it is, quotes included (a test line's
  /// strings: the line).
  struct QuotedString {
    var value: String
    var range: SourceRange
  }

  /// Every quoted string of the file, compiled or not, in file order: cadence, test, calendar and
  /// rate table names, settings, step arguments and ids, strings and tags in conditions, a test's
  /// tags and segment.
  static func quotedStrings(of file: RuleFileSyntax) -> [QuotedString] {
    var strings: [QuotedString] = []
    for declaration in file.declarations {
      switch declaration {
      case .cadence(let cadence):
        strings.append(QuotedString(value: cadence.name, range: cadence.nameRange))
        for item in cadence.items {
          switch item.kind {
          case .timeZone(let zone, let range): strings.append(QuotedString(value: zone, range: range))
          case .step(let step):
            for argument in step.arguments + (step.explicitID.map { [$0] } ?? []) where argument.isQuoted {
              strings.append(QuotedString(value: argument.value, range: argument.range))
            }
            strings += [step.when, step.unless].compactMap { $0 }.flatMap(\.strings)
          case .stop(let condition, _), .pause(let condition, _): strings += condition.strings
          default: break
          }
        }
      case .test(let test):
        strings.append(QuotedString(value: test.name, range: test.range))
        for item in test.items {
          switch item.kind {
          case .tagged(let tags, let range): strings += tags.map { QuotedString(value: $0, range: range) }
          case .timeZone(let zone, let range): strings.append(QuotedString(value: zone, range: range))
          case .customer(_, let segment?, _, let range): strings.append(QuotedString(value: segment, range: range))
          default: break
          }
        }
      case .pack(let pack):
        strings.append(QuotedString(value: pack.name, range: pack.nameRange))
      case .calendar(let calendar):
        strings.append(QuotedString(value: calendar.name, range: calendar.nameRange))
        for item in calendar.items {
          if case .holiday(let holiday) = item.kind {
            strings.append(QuotedString(value: holiday.name, range: holiday.range))
          }
        }
      case .rates(let table):
        strings.append(QuotedString(value: table.name, range: table.nameRange))
      case .error: break
      }
    }
    return strings
  }

  /// Every expression of the file's cadences.
  var expressions: [ExpressionSyntax] { cadences.flatMap(\.conditions) }
}

extension ExpressionSyntax {
  /// The string literals and `tagged` tags of the expression, in order.
  var strings: [LintInput.QuotedString] {
    allNodes.compactMap { node in
      switch node {
      case .string(let value, let range), .tagged(let value, let range):
        return LintInput.QuotedString(value: value, range: range)
      default: return nil
      }
    }
  }

  /// The expression and every expression inside it, outermost first.
  var allNodes: [ExpressionSyntax] {
    switch self {
    case .name, .number, .money, .string, .boolean, .tagged: return [self]
    case .not(let operand, _), .parenthesized(let operand, _): return [self] + operand.allNodes
    case .and(let a, let b), .or(let a, let b), .comparison(let a, _, let b, _): return [self] + a.allNodes + b.allNodes
    case .membership(let a, let list, _): return [self] + a.allNodes + list.flatMap(\.allNodes)
    }
  }
}
