import ArmisticeServer
import Foundation
import Testing

/// The server's reading of its rulesets folder at start: a file whose scenario id an earlier file has is not
/// silently dropped but reported, naming both files and the one kept.
@Suite struct RulesetFolderTests {
    @Test func twoFilesWithOneIDKeepTheFirstByNameAndSaySo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-rulesets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shipped = try String(contentsOfFile: CoreHarness.repoRoot + "/rulesets/tutorial.yaml", encoding: .utf8)
        // The copy sorts after the original, and is the one with the extra line.
        try shipped.write(toFile: folder + "/tutorial.yaml", atomically: true, encoding: .utf8)
        try (shipped + "\n# a class copy\n").write(toFile: folder + "/tutorial_copy.yaml", atomically: true, encoding: .utf8)
        let (catalog, failures) = RulesetCatalog.load(directory: folder)
        #expect(catalog.ids == ["coral_strait"])
        #expect(catalog["coral_strait"]?.file == folder + "/tutorial.yaml", "the first by file name is kept")
        #expect(failures == ["\(folder)/tutorial_copy.yaml: error: scenario id \"coral_strait\" is also the id of \(folder)/tutorial.yaml, which was kept "
                             + "(files are read in name order); this file and its variants were not loaded; give one of them another id"])
    }

    /// A folder named like a scenario, and a file that is not UTF-8, are each said for what they are (outside tester qa6,
    /// D4: a folder `dir.yaml` was called "not readable UTF-8 text").
    @Test func aFolderAndANonUTF8FileAreSaidForWhatTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("armistice-rulesets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/dir.yaml", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([0x69, 0x64, 0x3A, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: folder + "/latin.yaml"))
        let (catalog, failures) = RulesetCatalog.load(directory: folder)
        #expect(catalog.ids.isEmpty)
        #expect(failures == ["\(folder)/dir.yaml: a folder, not a scenario file; rename it so that its name does not end in .yaml or .yml",
                             "\(folder)/latin.yaml: not UTF-8 text; save it as UTF-8"])
    }
}
