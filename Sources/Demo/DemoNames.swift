import Domain

/// Word lists and code formats for demo counties, townships, villages and schools.
enum DemoNames {
    /// A province: its 2-digit code, name, an approximate centre (WGS-84) and a weight
    /// (roughly its number of county-level divisions). Provinces whose territory lies mostly
    /// outside longitude 100–122° E, latitude 22–42° N are left out.
    struct Province {
        let code: String
        let name: String
        let longitude: Double
        let latitude: Double
        let weight: Double
    }

    static let provinces: [Province] = [
        Province(code: "11", name: "北京市", longitude: 116.4, latitude: 40.0, weight: 16),
        Province(code: "12", name: "天津市", longitude: 117.2, latitude: 39.2, weight: 16),
        Province(code: "13", name: "河北省", longitude: 115.4, latitude: 38.6, weight: 167),
        Province(code: "14", name: "山西省", longitude: 112.4, latitude: 37.6, weight: 117),
        Province(code: "15", name: "内蒙古自治区", longitude: 111.6, latitude: 40.9, weight: 40),
        Province(code: "21", name: "辽宁省", longitude: 121.6, latitude: 41.1, weight: 50),
        Province(code: "31", name: "上海市", longitude: 121.4, latitude: 31.2, weight: 16),
        Province(code: "32", name: "江苏省", longitude: 119.3, latitude: 32.9, weight: 95),
        Province(code: "33", name: "浙江省", longitude: 120.2, latitude: 29.4, weight: 90),
        Province(code: "34", name: "安徽省", longitude: 117.2, latitude: 31.8, weight: 104),
        Province(code: "35", name: "福建省", longitude: 118.3, latitude: 26.1, weight: 84),
        Province(code: "36", name: "江西省", longitude: 115.8, latitude: 27.6, weight: 100),
        Province(code: "37", name: "山东省", longitude: 117.9, latitude: 36.3, weight: 136),
        Province(code: "41", name: "河南省", longitude: 113.6, latitude: 33.9, weight: 157),
        Province(code: "42", name: "湖北省", longitude: 112.3, latitude: 30.9, weight: 103),
        Province(code: "43", name: "湖南省", longitude: 111.7, latitude: 27.6, weight: 122),
        Province(code: "44", name: "广东省", longitude: 113.4, latitude: 23.4, weight: 122),
        Province(code: "45", name: "广西壮族自治区", longitude: 108.8, latitude: 23.8, weight: 111),
        Province(code: "50", name: "重庆市", longitude: 107.8, latitude: 30.0, weight: 38),
        Province(code: "51", name: "四川省", longitude: 104.6, latitude: 30.4, weight: 183),
        Province(code: "52", name: "贵州省", longitude: 106.8, latitude: 26.8, weight: 88),
        Province(code: "53", name: "云南省", longitude: 102.6, latitude: 24.9, weight: 129),
        Province(code: "61", name: "陕西省", longitude: 108.9, latitude: 35.0, weight: 107),
        Province(code: "62", name: "甘肃省", longitude: 104.8, latitude: 35.6, weight: 86),
        Province(code: "63", name: "青海省", longitude: 101.8, latitude: 36.4, weight: 20),
        Province(code: "64", name: "宁夏回族自治区", longitude: 106.2, latitude: 37.5, weight: 22),
    ]

    static let provinceWeights: [Double] = provinces.map(\.weight)

    /// Syllables of county and township names.
    static let placeSyllables: [String] = [
        "安", "平", "清", "河", "阳", "宁", "丰", "长", "永", "兴", "东", "西", "南", "北", "新",
        "广", "泰", "和", "富", "康", "定", "昌", "盛", "华", "金", "石", "林", "山", "云", "龙",
        "凤", "白", "青", "桃", "松", "柳", "武", "文", "乐", "明", "庆", "高", "源", "江", "湖",
        "泉", "溪", "台", "城", "原", "德", "信", "通", "顺", "嘉", "临", "沂", "淮", "汉", "涪",
        "桂", "延", "鹤", "仁", "义", "怀", "远", "崇", "恩", "利", "章", "宜", "绥", "汾", "洪",
    ]

    /// First parts of village names (surnames and landscape words).
    static let villageStems: [String] = [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "孙", "胡", "朱", "高",
        "林", "何", "郭", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "董", "程", "曹", "袁",
        "邓", "许", "沈", "彭", "吕", "苏", "蒋", "贾", "丁", "魏", "叶", "潘", "杜", "田", "姜",
        "柳树", "杨树", "桃花", "杏园", "梨树", "枣林", "松林", "槐树", "竹园", "石板", "沙河",
        "清泉", "小河", "大湾", "前山", "后山", "南岭", "北坡", "东岗", "西沟", "新田", "老屋",
    ]

    /// Last parts of village names.
    static let villageSuffixes: [String] = [
        "庄", "家庄", "村", "屯", "寨", "铺", "营", "集", "店", "桥", "湾", "沟", "岭", "坪", "堡",
        "坝", "岗", "口", "家湾", "家坪",
    ]

    /// Chinese numerals 1–99 for names like 第十二小学.
    static func numeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        precondition(n >= 1 && n <= 99)
        if n < 10 { return digits[n] }
        let tens = n / 10
        let units = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + digits[units]
    }

    /// A non-negative integer as exactly `width` decimal digits (no Foundation formatting).
    static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        precondition(text.count <= width, "\(value) does not fit in \(width) digits")
        return String(repeating: "0", count: width - text.count) + text
    }

    /// Words of private (民办) schools' names.
    static let privateWords: [String] = ["育英", "博雅", "启明", "英才", "明德", "树人", "华英", "致远", "培文", "睿思"]
}
