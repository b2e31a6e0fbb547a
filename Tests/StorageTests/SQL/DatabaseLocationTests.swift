import StorageSQL
import Testing

@Suite("Database locations")
struct DatabaseLocationTests {
    @Test(arguments: [
        ("junheng.sqlite", DatabaseLocation.sqlite(path: "junheng.sqlite")),
        ("/var/lib/junheng/data.db", .sqlite(path: "/var/lib/junheng/data.db")),
        ("sqlite:data/县区.sqlite", .sqlite(path: "data/县区.sqlite")),
        ("sqlite:///abs/path.sqlite", .sqlite(path: "/abs/path.sqlite")),
        ("sqlite://rel/path.sqlite", .sqlite(path: "rel/path.sqlite")),
        ("postgres://junheng@localhost/junheng", .postgres(url: "postgres://junheng@localhost/junheng")),
        ("postgresql://u:p%40ss@db.example:6543/prov?sslmode=require", .postgres(url: "postgresql://u:p%40ss@db.example:6543/prov?sslmode=require")),
        ("  POSTGRES://u@h/d  ", .postgres(url: "POSTGRES://u@h/d")),
    ])
    func reads(text: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation(text) == expected)
    }

    @Test(arguments: ["", "   ", "sqlite:", "mysql://u@h/d", "postgres:///nohost", "postgres://u@h/d?sslmode=sometimes"])
    func refuses(text: String) {
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(text) }
    }

    @Test func describesWithoutThePassword() throws {
        let location = try DatabaseLocation("postgres://junheng:secret@db/junheng")
        #expect(!location.description.contains("secret"))
        #expect(location.description.contains("db/junheng"))
        let error = #expect(throws: DatabaseLocationError.self) { try DatabaseLocation("ftp://x/y") }
        #expect(error?.description.contains("ftp") == true)
    }
}
