import Foundation
import Regua

/// Rule files compiled with the other files of their rules directory, so that a cadence may name
/// a calendar or a rate table that another file declares (see "Calendars in rule files" in
/// Documentation/Calendars.md).
///
/// - The files found in one folder of a directory argument are compiled together (a folder
///   beneath it is a rules directory of its own).
/// - A file named on its own is compiled alone; when it names a calendar (or a rate table) it
///   does not declare, it is compiled again with the other `*.regua` files of its folder (not of
///   folders beneath), whose declarations it may then use. Standard input is always alone.
enum RuleScope {
  /// A compiled file and every file compiled with it (itself included): the files whose
  /// calendars and rate tables its cadences may name.
  struct Loaded {
    var file: RuleFile
    var scope: [RuleFile]

    /// The environment for the file's cadences: the built-in calendars, and the calendars and
    /// rate tables of its scope.
    var environment: Environment { Environment(ruleFiles: scope) }
  }

  /// Compiles the files `RuleLoading.foundRuleFiles` found, in the same order.
  static func compile(_ found: [(path: String, directory: String?)], lint: Bool = false) throws -> [Loaded] {
    var loaded: [Loaded] = []
    var index = 0
    while index < found.count {
      guard let directory = found[index].directory else {
        loaded.append(try compileAlone(found[index].path, lint: lint))
        index += 1
        continue
      }
      var group: [String] = []
      while index < found.count, found[index].directory == directory {
        group.append(found[index].path)
        index += 1
      }
      // One folder's files are compiled together, as a file named alone is with its folder's:
      // `check DIR` accepts exactly the calendars `plan FILE` runs with.
      let folders = Dictionary(grouping: group.indices) { (group[$0] as NSString).deletingLastPathComponent }
      var byIndex: [Int: Loaded] = [:]
      for indices in folders.values {
        let files = RuleCompiler.compile(
          files: try indices.map { (group[$0], try RuleLoading.contents(of: group[$0])) }, lint: lint)
        for (position, file) in zip(indices, files) { byIndex[position] = Loaded(file: file, scope: files) }
      }
      loaded += group.indices.compactMap { byIndex[$0] }
    }
    return loaded
  }

  /// The codes of the errors that say a file names what it does not declare, which its folder's
  /// other files may: a file named on its own with one of them is compiled again with its
  /// folder. The checker's code for an unknown rate table belongs here.
  static let namesFromTheFolder: Set<String> = [
    DiagnosticCode.unknownCalendar.rawValue, DiagnosticCode.unknownRateTable.rawValue,
    DiagnosticCode.unknownPack.rawValue,
  ]

  /// Compiles a file named on its own: alone, or with its folder's other files when it names a
  /// calendar or a rate table it does not declare (``namesFromTheFolder``).
  static func compileAlone(_ path: String, lint: Bool = false) throws -> Loaded {
    let contents = try RuleLoading.contents(of: path)
    let name = path == "-" ? "<stdin>" : path
    let alone = RuleCompiler.compile(path: name, contents: contents, lint: lint)
    guard path != "-", alone.diagnostics.contains(where: { namesFromTheFolder.contains($0.code) })
    else { return Loaded(file: alone, scope: [alone]) }
    let siblings = siblingRuleFiles(of: path).compactMap { sibling in
      (try? RuleLoading.contents(of: sibling)).map { (path: sibling, contents: $0) }
    }
    guard !siblings.isEmpty else { return Loaded(file: alone, scope: [alone]) }
    let files = RuleCompiler.compile(files: [(name, contents)] + siblings, lint: lint)
    return Loaded(file: files[0], scope: files)
  }

  /// The other `*.regua` files directly in the folder of `path`, sorted: regular files only,
  /// hidden ones aside, and never a link that leads out of the folder (a pack or a calendar is
  /// resolved inside its rules directory only).
  static func siblingRuleFiles(of path: String) -> [String] {
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    let own = URL(fileURLWithPath: path).standardizedFileURL.path
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return entries.filter { $0.hasSuffix(".regua") && !$0.hasPrefix(".") }.sorted().compactMap { entry in
      let file = folder.isEmpty ? entry : (folder as NSString).appendingPathComponent(entry)
      guard URL(fileURLWithPath: file).standardizedFileURL.path != own else { return nil }
      let target = URL(fileURLWithPath: file).resolvingSymlinksInPath()
      guard FileReplacement.isInside(target.path, directory: directory) else { return nil }
      return (try? target.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true ? file : nil
    }
  }
}
