/// Whether a cadence is for consumers (people, not companies), for the rules that hold its fees
/// to consumer law: `uncapped-fee` and `fee-above-consumer-cap`.
///
/// A cadence is a **consumer cadence** when either
/// - its name has one of the words ``nameWords`` (case-insensitive; words are split at every
///   character that is not a letter or a digit, so `consumer-br` and `cobranca_pf` are, and
///   `pfizer` is not); or
/// - one of its conditions (a step's `when` or `unless`, a `stop` or a `pause`) tests for a
///   person: `customer.kind == "person"`, or `customer.kind in [...]` with `"person"` in the list.
///
/// A step whose own condition leaves people out (``StepSyntax/excludesPeople``) is not held to
/// consumer law even in a consumer cadence: a cadence may charge companies differently.
enum ConsumerCadence {
  /// The words of a cadence name that make it a consumer cadence.
  static let nameWords: Set<String> = ["consumer", "consumers", "consumidor", "consumidores", "pf"]

  /// Why `entry`, a cadence with a percentage fee, is a consumer cadence, as a phrase that
  /// completes "a consumer cadence (…)"; `nil` when it is not one, or has no percentage fee for
  /// the rules to check (then its conditions are not walked: most cadences charge no fee).
  static func reason(_ entry: LintInput.CadenceEntry) -> String? {
    let charges = entry.cadence.steps.contains {
      if case .fee(.percent, _) = $0.charge { return true } else { return false }
    }
    guard charges else { return nil }
    let words = entry.syntax.name.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    if let word = words.first(where: nameWords.contains) {
      return "its name has the word `\(word)`"
    }
    for condition in entry.conditions {
      for node in condition.allNodes where node.testsPerson {
        return "it tests `customer.kind` for `\"person\"` on line \(node.range.start.line)"
      }
    }
    return nil
  }
}

extension ExpressionSyntax {
  /// Whether this node is `customer.kind == "person"` (either way round) or
  /// `customer.kind in [...]` with `"person"` in the list.
  var testsPerson: Bool { kindTest(.equal, "person") || kindList.contains("person") }

  /// Whether this node is `customer.kind OP "value"` or `"value" OP customer.kind`.
  fileprivate func kindTest(_ op: ComparisonOperator, _ value: String) -> Bool {
    guard case .comparison(let a, op, let b, _) = self else { return false }
    switch (a, b) {
    case (.name("customer.kind", _), .string(value, _)), (.string(value, _), .name("customer.kind", _)): return true
    default: return false
    }
  }

  /// The strings of `customer.kind in [...]`, or none for another node.
  fileprivate var kindList: [String] {
    guard case .membership(.name("customer.kind", _), let list, _) = self else { return [] }
    return list.compactMap { item in
      if case .string(let value, _) = item { return value }
      return nil
    }
  }

  /// The condition with its outer parentheses removed.
  fileprivate var unwrapped: ExpressionSyntax {
    if case .parenthesized(let inner, _) = self { return inner.unwrapped }
    return self
  }

  /// The parts the condition needs all of: the sides of its top-level `and`s.
  fileprivate var conjuncts: [ExpressionSyntax] {
    if case .and(let a, let b) = unwrapped { return a.conjuncts + b.conjuncts }
    return [unwrapped]
  }

  /// The parts any one of which makes the condition hold: the sides of its top-level `or`s.
  fileprivate var disjuncts: [ExpressionSyntax] {
    if case .or(let a, let b) = unwrapped { return a.disjuncts + b.disjuncts }
    return [unwrapped]
  }
}

extension StepSyntax {
  /// Whether the step's own condition leaves people out: its `when` needs
  /// `customer.kind == "company"`, `customer.kind != "person"` or `customer.kind in [...]`
  /// without `"person"` (as the whole condition or a side of a top-level `and`); or its `unless`
  /// holds for `customer.kind == "person"` or `customer.kind in [...]` with `"person"` (as the
  /// whole condition or a side of a top-level `or`).
  var excludesPeople: Bool {
    let whenExcludes =
      when?.conjuncts.contains { part in
        part.kindTest(.equal, "company") || part.kindTest(.notEqual, "person")
          || (!part.kindList.isEmpty && !part.kindList.contains("person"))
      } ?? false
    let unlessExcludes = unless?.disjuncts.contains(where: \.testsPerson) ?? false
    return whenExcludes || unlessExcludes
  }
}
