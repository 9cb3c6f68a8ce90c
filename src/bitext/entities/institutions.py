"""What institutions' names say in English where CC-CEDICT's glosses say it otherwise.

The compositional signal (:func:`bitext.entities.dictionary.composed_match`) translates an
institution's Chinese name word by word with CC-CEDICT and looks for the English content words.
Government and court vocabulary is where the glosses and the official English part ways: 法務 is
glossed "legal affairs" but 法務部 is the Ministry of Justice; 部隊 "troops" but 工兵部隊 the Corps of
Engineers; 裁判 "referee" but 裁判法院 a Magistrates' Court. This table adds those English words to
the glosses of a few such words (keys in simplified script). It is grammar of institutional names,
closed and short, not a list of particular bodies: each entry serves every body built with it.

Also here: English words an institution's name may add without any Chinese counterpart ("Affairs"
in Mainland Affairs Council ↔ 大陸委員會, "National" in National Earthquake Information Center ↔
美國地震資訊中心).
"""

from __future__ import annotations

INSTITUTION_GLOSSES: dict[str, tuple[str, ...]] = {
    "法务": ("justice",),
    "司法": ("justice", "judicial"),
    "部队": ("corps", "unit", "units"),
    "工兵": ("engineers",),
    "裁判": ("magistrate", "magistrates"),
    "新闻": ("information",),
    "资讯": ("information",),
    "电玩": ("game", "games"),
    "展": ("show", "expo", "fair"),
    "医疗": ("care", "medical"),
    "管理": ("control", "management"),
    "外汇": ("foreign", "exchange"),
    "监督": ("supervisory", "supervision"),
    "金融": ("financial", "finance"),
    "交通": ("transportation", "communications", "transport"),
    "经济": ("economic", "economy"),
    "教育": ("education",),
    "国防": ("defense", "defence"),
    "内政": ("interior",),
    "外交": ("foreign",),
    "卫生": ("health",),
    "环境": ("environment", "environmental"),
    "劳动": ("labor", "labour"),
    "劳工": ("labor", "labour"),
    "侨务": ("overseas", "compatriot"),
    "文化": ("culture", "cultural"),
    "农业": ("agriculture", "agricultural"),
    "数位": ("digital",),
    "数字": ("digital",),
    "发展": ("development", "digital"),
    "海巡": ("coast", "guard"),
    "移民": ("immigration",),
    "调查": ("investigation",),
    "审计": ("audit",),
    "主计": ("accounting", "budget"),
    "人事": ("personnel",),
    "铨叙": ("civil", "service"),
    # the civil service's own words, in the titles of the laws that govern it (公務人員俸給法 ↔ Civil
    # Service Pay Act, 公教人員保險法 ↔ Civil Servants Insurance Act, 職工福利金條例 ↔ Employee Welfare Fund Act)
    "公务人员": ("civil", "service", "servant", "servants"),
    "公务员": ("civil", "service", "servant", "servants"),
    "公教人员": ("civil", "servant", "servants", "teacher", "teachers"),
    "考试": ("examination",),
    "职工": ("employee", "employees"),
    "考选": ("examination",),
    "紧急": ("emergency",),
    "命令": ("decree", "decrees"),
    "宪法": ("constitutional",),
    "法庭": ("court",),
    "临时": ("provisional", "interim"),
    "选举": ("electoral", "election"),
    "国立": ("national",),
    "妇女": ("women", "woman"),
    "国家": ("national",),
    "航空": ("aeronautics", "aviation", "aerospace"),
    "总署": ("administration", "agency"),
    "邮政": ("post",),  # a postal administration or company: 中華郵政 ↔ Chunghwa Post
    # a general bureau or office: 電信總局 ↔ Directorate General of Telecommunications
    "总局": ("directorate", "general"),
    "理工": ("polytechnic", "technology"),
    "特别行政区": ("sar",),
    # business bodies: 港加商會 ↔ Hong Kong-Canada Business Association, 澳洲工商總會 ↔ Australian
    # Chamber of Commerce & Industry, 渥太華分會 ↔ Ottawa Chapter
    "商会": ("business", "association", "chamber", "commerce"),
    "总会": ("chamber", "federation", "association", "club", "general"),
    "分会": ("chapter", "branch"),
}

# Endings that make an institutional word of any field, for words CC-CEDICT lacks: X政 is the
# administration of X (獄政 "prison administration" in 司法及獄政委員會 ↔ Committee on Judicial and Prison
# Administration Affairs; 戶政, 地政, 稅政 alike). The word is then glossed by its first part and the ending.
PRODUCTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "政": ("administration",),
}

# The English word each event or award ending stands for (the law endings stand for every law word).
EVENT_ENDINGS: dict[str, tuple[str, ...]] = {
    "杯": ("cup", "trophy"),
    "奖": ("prize", "award", "awards"),
    "战争": ("war",),
    "革命": ("revolution",),
    "危机": ("crisis",),
    "运动会": ("games", "olympics", "championships", "championship"),
}

# English words an institution's name may carry with nothing answering them in the Chinese.
OPTIONAL_WORDS = frozenset({"affairs", "national", "governing"})


def institution_glosses(simplified: str) -> frozenset[str]:
    """The extra English words of ``simplified`` (empty for words not in the table)."""
    return frozenset(INSTITUTION_GLOSSES.get(simplified, ()))
