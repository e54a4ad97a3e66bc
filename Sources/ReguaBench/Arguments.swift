/// The command line of `regua-bench`.
struct Arguments {
  /// What the run does.
  enum Mode: Equatable {
    /// Run every measure and print the results.
    case benchmark
    /// Print the usage and exit.
    case help
    /// Evaluate `count` times with the engine or the hand-written baseline and print the
    /// allocation counter, for checking the counter against `valgrind --tool=dhat`.
    case allocationProbe(handwritten: Bool, count: Int)
    /// Evaluate `count` 10-invoice accounts and print the allocation counter (for dhat and
    /// callgrind).
    case accountProbe(count: Int)
    /// Stream `count` generated invoices through the portfolio and print the process's peak
    /// resident memory in bytes: run as a child, so the measure sees the stream alone.
    case streamProbe(count: Int)
    /// Stream `count` generated 10-invoice account documents and print the peak resident bytes.
    case accountStreamProbe(count: Int)
  }

  var mode = Mode.benchmark
  /// One JSON object on one line instead of the table.
  var json = false
  /// A smoke run for CI: one short repetition, small inputs.
  var quick = false

  static let usage = """
    usage: regua-bench [--json] [--quick]

    Measures Regua against plain-Swift and Foundation baselines; build it in release:
      swift run -c release regua-bench

    Options:
      --json     print one JSON object on one line (keys sorted) instead of the table
      --quick    a smoke run for CI: one repetition, small batches and inputs; not a timing
      --help     show this help

    For checking the allocation counter against valgrind --tool=dhat:
      --allocation-probe engine|handwritten|account COUNT
                 evaluate COUNT times and print the allocations counted

    For measuring the memory of a stream (the benchmark runs it as a child process):
      --stream-probe COUNT
                 stream COUNT generated invoices and print the peak resident bytes
      --account-stream-probe COUNT
                 the same with COUNT generated 10-invoice account documents
    """

  /// A command line the benchmark does not accept.
  struct UsageError: Error {
    var message: String
  }

  init(_ words: [String]) throws(UsageError) {
    var rest = words[...]
    while let word = rest.popFirst() {
      switch word {
      case "--json": json = true
      case "--quick": quick = true
      case "--help", "-h": mode = .help
      case "--allocation-probe":
        guard let kind = rest.popFirst(), ["engine", "handwritten", "account"].contains(kind) else {
          throw UsageError(message: "--allocation-probe takes `engine`, `handwritten` or `account`, then a count")
        }
        guard let text = rest.popFirst(), let count = Int(text), count > 0 else {
          throw UsageError(message: "--allocation-probe \(kind) takes a positive count of evaluations")
        }
        mode =
          kind == "account"
          ? .accountProbe(count: count) : .allocationProbe(handwritten: kind == "handwritten", count: count)
      case "--stream-probe":
        guard let text = rest.popFirst(), let count = Int(text), count > 0 else {
          throw UsageError(message: "--stream-probe takes a positive count of invoices")
        }
        mode = .streamProbe(count: count)
      case "--account-stream-probe":
        guard let text = rest.popFirst(), let count = Int(text), count > 0 else {
          throw UsageError(message: "--account-stream-probe takes a positive count of accounts")
        }
        mode = .accountStreamProbe(count: count)
      default:
        throw UsageError(message: "unknown argument `\(word)`")
      }
    }
  }
}
