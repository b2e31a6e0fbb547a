import Domain

/// The first screen of a county that has no data yet, for whoever may import into it (its
/// planner, an administrator): what to do next — download the import template, fill it in,
/// import it — instead of a bare "not found".
struct CountyFirstSteps {
    let county: String
    let language: Language

    var heading: String { language.pick("县区 \(county)：尚无数据", "County \(county): no data yet") }

    var html: String {
        let l = language
        var page = PageContent()
        page.heading(heading)
        page.section("first-steps") { section in
            section.paragraph(l.pick("本县还没有任何学校数据。请按以下步骤开始：", "This county has no school data yet. To begin:"))
            section.append("<ol>\n")
            section.append("<li>" + PageContent.escape(l.pick("下载学校年度数据导入模板（.xlsx），每所学校每年一行；表中说明了每一列的含义和写法。",
                                                              "Download the schools import template (.xlsx): one row per school and year; it explains every column.")) + "</li>\n")
            section.append("<li>" + PageContent.escape(l.pick("由各校填报员或县级规划人员填写；也可以用已有的统计表，列名按模板。",
                                                              "Have it filled in by the school clerks or the county planner, or use an existing statistics table with the template's headers.")) + "</li>\n")
            section.append("<li>" + PageContent.escape(l.pick("在“导入数据”页上传文件：有误的行会逐行指出，全部无误才会导入。",
                                                              "Upload it on the Import page: every problem is shown at its row, and nothing is imported until all are fixed.")) + "</li>\n")
            section.append("</ol>\n")
            section.link(l.pick("下载导入模板（.xlsx）", "Download the import template (.xlsx)"), to: "/import/template.xlsx")
            section.link(l.pick("导入数据", "Import data"), to: "/import")
        }
        return page.text
    }
}
