# ما يجده `amana verify`، وقرارات أعضاء المكتب كما يعرضها. صيغة Fluent
# (https://projectfluent.org): `{ $name }` وسيط. كل معرّف هو معرّف رسالة verify
# (الحقل `message` في `verify --format json`) مسبوقاً بـ `verify-`.

# الملف وجداوله.
verify-schema-altered = بنية السجل عُدّلت: { $drift }
verify-integrity-fails = فحص سلامة SQLite يفشل: { $damage }
verify-table-unreadable = الجدول { $table } لا يمكن قراءته كما كتبه amana ({ $error }): حُذف أو غُيّر اسمه أو بنيته
verify-row-missing-from-table = الصف { $table } ({ $key }) مفقود (حُذف من الجدول)
verify-row-missing = الصف { $table } ({ $key }) مفقود (حُذف أو تغيّر مفتاحه)
verify-row-not-in-chain = الصف { $table } ({ $key }) ليس في السلسلة (أُدرج أو تغيّر مفتاحه)
verify-row-inserted = الصف { $table } ({ $key }) ليس في السلسلة (أُدرج)
verify-row-edited = الصف { $table } ({ $key }) عُدّل: { $columns }
verify-column-differs = العمود { $column } قيمته { $found }، والسلسلة تقول { $expected }
verify-sql-float = { $value } (عدد عشري عائم)
verify-kind-column = صف السجل { $row }: العمود kind قيمته "{ $column }"، والمُدخل يقول "{ $entry }"

# السجل وبصماته.
verify-entry-missing = المُدخل { $first } مفقود من السجل
verify-entries-missing = المُدخلات من { $first } إلى { $last } مفقودة من السجل
verify-row-out-of-order = صف السجل { $seq } يأتي بعد الصف { $after }
verify-line-out-of-order = السطر { $line } من chain.jsonl يحمل المُدخل { $seq } بعد المُدخل { $after }
verify-entry-misplaced = صف السجل { $row } يحمل المُدخل المسجّل برقم { $recorded }
verify-entry-hash-edited = بصمة المُدخل المخزّنة { $stored } ليست بصمة بايتات المُدخل ({ $computed })، التي تؤكدها بصمة السلسلة
verify-content-modified = بصمة بايتات المُدخل هي { $computed }، لكن المسجّل { $stored }: عُدّل المُدخل بعد كتابته
verify-chain-hash-edited = بصمة السلسلة المخزّنة { $stored } لا تنتج عن المُدخل ورابطه (المنتظر { $expected })
verify-link-broken = المُدخل يشير إلى { $link } لكن بصمة سلسلة المُدخل الذي قبله { $previous }
verify-undecodable = بايتات المُدخل لا يمكن قراءتها: البايت { $offset }: { $what }
verify-non-canonical = البايتات تُفكّ، لكنها ليست الترميز القياسي لما تقوله
verify-empty = السجل بلا مُدخلات: ليس لهذا السجل مُدخل إنشاء
verify-import-truncated = الاستيراد عند المُدخل { $seq } أعلن عن { $remaining } قيد(اً) آخر غير موجود في السجل: بُترت السلسلة

# القواعد والأختام والوثائق المثبِتة.
verify-rule-broken = مُدخل { $record }: { $rule }
verify-receipt-missing = الوثيقة المثبِتة { $file_name } للقيد { $transaction } مفقودة: يجب أن تكون في { $path }
verify-receipt-altered = الوثيقة المثبِتة { $file_name } للقيد { $transaction } في { $path } { $status } (المسجّل: { $size } بايت، SHA-256 { $sha256 })

# ما نُشر خارج السجل.
verify-published-seal-rewritten = الختم المنشور { $fingerprint } هو المُدخل { $seq }، لكن السلسلة التي قبله ليست التي ختمها (رأسها { $head } أو جذر Merkle للمُدخلات من 1 إلى { $covered } لا يُعاد حسابه): أعيدت كتابة التاريخ حتى المُدخل { $covered }
verify-anchor-missing = الرأس المنشور { $seq }:{ $head } ليس في هذا السجل، الذي فيه { $entries } مُدخلاً: بُترت السلسلة أو أعيدت إلى الوراء
verify-anchor-rewritten = بصمة سلسلة المُدخل { $seq } هي { $chain }، لكن المنشور { $published }: أعيدت كتابة التاريخ حتى المُدخل { $seq }
verify-seal-anchor-missing = لا ختم في هذا السجل ({ $entries } مُدخلاً) له البصمة المنشورة { $fingerprint }: أعيد السجل إلى ما قبل ذلك الختم، أو أعيدت كتابة الختم والتاريخ الذي يغطيه، أو هو ختم سجل آخر (قارن `amana log --kind seal` بالتقرير المنشور)
verify-more = { $count } مشكلة أخرى غير معروضة

# ما نُشر، كما كُتب في سطر الأوامر (`--anchor`، `--seal`).
verify-anchor-invalid = المرساة "{ $text }": اكتب ENTRIES:HEAD كما عرضهما `amana verify`، مثلاً 1042:458e9e52…(64 رقماً سداسي عشري)
verify-seal-anchor-invalid = بصمة الختم "{ $text }": اكتبها كما عرضها الختم، 16 حرفاً ورقماً مثل 7W69-RMDN-9JJF-8F5W

# ملف chain.jsonl لحزمة تدقيق، حين لا يمكن قراءته أصلاً.
verify-chain-file-missing = { $file }: الملف غير موجود
verify-chain-file-not-regular = { $file }: ليس ملفاً عادياً ({ $what })؛ أعطِ الوثيقة نفسها
verify-chain-file-too-large = { $file }: { $size } بايت أو أكثر، يتجاوز الحد البالغ { $limit } بايت للملف الواحد
verify-chain-file-unreadable = { $file }: { $error }
verify-chain-file-not-utf8 = { $file }: ليس نصاً بترميز UTF-8
verify-chain-line-not-json = { $file }:{ $line }: ليس سطر JSON: { $error }
verify-chain-line-not-hex = { $file }:{ $line }: الحقل { $field } ليس سداسياً عشرياً
verify-chain-line-no-seq = { $file }:{ $line }: لا يوجد seq

# ملفات الملخص في حزمة التدقيق.
verify-summary-unreadable = { $file } لا يمكن قراءته ({ $error }): الحزمة التي يكتبها amana تحتويه، مستخرجاً من chain.jsonl
verify-summary-not-json = { $file } ليس JSON ({ $error })
verify-summary-missing = { $file }: { $at } مفقود؛ chain.jsonl يقول { $expected }
verify-summary-added = { $file }: { $at } = { $found } لا ينتج عن chain.jsonl (مضاف)
verify-summary-element-missing = { $file }: العنصر ذو seq { $element } مفقود (محذوف)؛ chain.jsonl يعطي { $expected }
verify-summary-element-added = { $file }: { $at } يحمل عنصراً ذا seq { $element } لا يعطيه chain.jsonl (مضاف): { $found }
verify-summary-removed = { $file }: { $at } مفقود (محذوف)؛ chain.jsonl يعطي { $expected }
verify-summary-differs = { $file }: { $at } قيمته { $found }، لكن chain.jsonl يقول { $expected }
verify-json-top-level = المستوى الأعلى
verify-json-field = الحقل { $path }

# تنبيهات.
verify-time-backwards = سُجّل في { $time }، قبل المُدخل الذي قبله ({ $last }): أُرجعت ساعة الحاسوب الذي كتبه، أو كانت متقدمة من قبل
verify-time-future = سُجّل في { $time }، بعد ساعة هذا الحاسوب ({ $now }): قُدّمت ساعة (هذه أو ساعة الحاسوب الذي كتبه)
verify-time-future-run = المُدخلات من { $first } إلى { $last } مسجّلة بعد ساعة هذا الحاسوب ({ $now })، وآخرها في { $time }: قُدّمت ساعة (هذه أو ساعة الحاسوب الذي كتبها)
verify-closed-early = سُجّل إقفال السنة المالية { $year } في { $time }، قبل انتهاء { $end }: كانت ساعة الحاسوب الذي كتبه متقدمة، وقد تكون قيود الأيام الأخيرة مفقودة
verify-sealed-early = سُجّل ختم الفترة المنتهية في { $end } في { $time }، قبل انتهاء { $end }: كانت ساعة الحاسوب الذي كتبه متقدمة، وقد تكون قيود الأيام الأخيرة مفقودة

# قرارات أعضاء المكتب، كما يعرضها الملخص.
verify-decision-officer = تسجيل المسؤول { $officer } ({ $role })
verify-decision-closing = إقفال السنة المالية { $year }
verify-decision-lock = قفل إلى غاية { $through }: { $reason }
verify-decision-reopen = إعادة فتح السنة المالية { $year }: { $reason }
verify-decision-revocation = عزل المسؤول { $officer }: { $reason }
verify-decision-policy = القاعدة: { $quorum } مسؤول(ين) يوقّعون كل قرار
