/// The colours a timeline is drawn in: one per lane, chosen so neighbouring lanes differ and
/// every colour reads on white (WCAG AA contrast for text), and one per outcome.
enum TimelinePalette {
  /// The due date's line and label.
  static let due = "#c2410c"
  /// Grid lines.
  static let grid = "#e2e8f0"
  /// Secondary text: conditions, axis labels.
  static let muted = "#475569"
  /// Text of skipped outcomes.
  static let skipped = "#b91c1c"
  /// Text of fired outcomes.
  static let fired = "#166534"
  /// Marks and text of steps that never came due.
  static let notDue = "#64748b"

  /// The colour of a lane.
  static func colour(of lane: TimelineLane.Kind) -> String {
    switch lane {
    case .channel("email"): return "#1d4ed8"
    case .channel("sms"): return "#0f766e"
    case .channel("whatsapp"): return "#15803d"
    case .channel("call"): return "#b45309"
    case .channel("letter"): return "#7c2d12"
    case .channel(let name):
      // Host channels: a colour from the name's bytes, the same in every run.
      let others = ["#7e22ce", "#be185d", "#0369a1", "#4d7c0f"]
      let sum = name.utf8.reduce(0) { ($0 &+ Int($1)) & 0xFFFF }
      return others[sum % others.count]
    case .actions: return "#334155"
    case .payments: return "#047857"
    }
  }

  /// The colour of an outcome's text.
  static func colour(of outcome: StepOutcome) -> String {
    switch outcome {
    case .fired, .recorded: return fired
    case .skipped: return skipped
    case .notDue: return notDue
    }
  }
}
