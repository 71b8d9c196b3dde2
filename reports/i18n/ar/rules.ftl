# رفض القواعد وتنبيهاتها: ما يقوله amana حين لا يسجّل عملية، وما يسجّله مع تنبيه أمين المال.
# صيغة Fluent (https://projectfluent.org): `{$name}` وسيط. تبقى الأوامر والخيارات والرموز
# والأرقام وأسماء الملفات كما هي.

rule-seq-out-of-order = الرقم التسلسلي {$seq} بينما كان المنتظر {$expected}
rule-genesis-first = يجب أن يكون أول مُدخل في السلسلة مُدخلَ إنشاء السجل
rule-genesis-twice = للسلسلة مُدخل إنشاء واحد فقط، وهو الأول
rule-batch-interrupted = الاستيراد عند المُدخل {$batch} أعلن عن {$remaining} قيود أخرى، لكن مُدخلاً من نوع {$kind} جاء قبلها
rule-imported-already = هذا الملف (SHA-256 {$sha256}) سبق استيراده؛ لا تستورده مرة أخرى إلا عن قصد، باستعمال --force
rule-import-empty = يحمل الاستيراد قيداً واحداً على الأقل
rule-entry-number = القيد رقم {$id} بينما كان المنتظر {$expected}
rule-reversal-in-import = القيد العكسي لا يكون أبداً جزءاً من استيراد
rule-not-the-open-import = المُدخل ينتسب إلى الاستيراد {$batch}، وهو ليس الاستيراد الجاري
rule-account-exists = الحساب {$code} موجود من قبل
rule-funder-exists = الجهة المانحة {$id} موجودة من قبل
rule-grant-exists = المنحة {$id} موجودة من قبل
rule-grant-funder-missing = الجهة المانحة {$funder} غير موجودة: أضفها أولاً بـ `amana funder add`
rule-currency-not-in-table = العملة {$currency} ليست في جدول عملات هذا السجل
rule-grant-amount-out-of-range = مبلغ المنحة بين 0 و 10^13 وحدة صغرى
rule-grant-ends-before-start = تنتهي المنحة ({$end}) قبل أن تبدأ ({$start})
rule-line-grant-missing = المنحة {$grant} غير موجودة: أضفها أولاً بـ `amana grant add`
rule-line-exists = للمنحة {$grant} بند ميزانية {$line} من قبل
rule-budget-out-of-range = الميزانية بين 0 و 10^13 وحدة صغرى
rule-line-account-missing = الحساب {$account} غير موجود
rule-receipt-entry-missing = القيد {$entry} غير موجود
rule-receipt-file-name = للوثيقة المثبِتة اسم ملف بسيط وحجم
rule-receipt-twice = هذه الوثيقة مثبِتة للقيد {$entry} من قبل
rule-amended-grant-missing = المنحة {$grant} غير موجودة (انظر `amana grant list`)
rule-grant-amendment-empty = الملحق يغيّر المبلغ أو تاريخ الانتهاء أو كليهما: أعطِ --amount أو --end
rule-grant-would-end-before-start = ستنتهي المنحة {$grant} ({$end}) قبل أن تبدأ ({$start})
rule-grant-spent-after-end = لا يمكن أن تنتهي المنحة {$grant} في {$end}: مصاريف محمّلة عليها مؤرخة بعد ذلك اليوم (القيود {$entries}). اعكسها أولاً (`amana reverse N --reason ...`)، أو اختر تاريخ انتهاء لاحقاً
rule-changed-account-missing = الحساب {$code} غير موجود (انظر `amana account list`)
rule-account-change-empty = تعديل الحساب يعطيه اسماً جديداً، أو يوقفه
rule-retirement-undated = يوقَف الحساب {$code} ابتداءً من يوم محدد: أعطِ --effective
rule-account-retired-already = الحساب {$code} موقوف من قبل، منذ {$since}
rule-account-used-from = لا يمكن إيقاف الحساب {$code} ابتداءً من {$from}: قيود مؤرخة في ذلك اليوم أو بعده مسجّلة عليه ({$entries}). اعكسها أولاً (`amana reverse N --reason ...`)، أو أوقفه من يوم لاحق
rule-amended-line-missing = ليس للمنحة {$grant} بند ميزانية {$line} (انظر `amana grant list --grant {$grant}`)
rule-line-amendment-empty = ملحق بند الميزانية يغيّر ميزانيته أو يسحبه أو كليهما: أعطِ --amount أو --withdraw
rule-line-withdrawn-already = بند الميزانية {$line} من المنحة {$grant} مسحوب من قبل، منذ {$since}
rule-line-charged-from = لا يمكن سحب بند الميزانية {$line} من المنحة {$grant} ابتداءً من {$from}: قيود مؤرخة في ذلك اليوم أو بعده محمّلة عليه ({$entries}). اعكسها أولاً (`amana reverse N --reason ...`)، أو اسحبه من يوم لاحق
rule-rate-currency = سعر الصرف يخص عملة أجنبية من جدول السجل: {$currency} هي عملة السجل نفسه أو ليست في جدوله
rule-rate-out-of-range = سعر صرف {$currency} ({$rate} جزءاً من المليون) ليس بين 0.000001 و 10000000
rule-rate-twice = سعر صرف {$currency} بتاريخ {$date} مسجّل من قبل (انظر `amana rate list`)؛ يسجَّل السعر مرة واحدة لكل عملة وكل يوم
rule-terms-grant-missing = المنحة {$grant} غير موجودة (انظر `amana grant list`)
rule-closing-days-out-of-range = أجل إقفال المنحة {$grant} ({$days} يوماً) ليس بين 0 و 3660 يوماً
rule-budget-currency-with-lines = للمنحة {$grant} بنود ميزانية من قبل: لا يمكن تغيير عملة ميزانيتها (ستتغير دلالة مبالغها)
rule-closing-window-spent = لا يمكن أن ينتهي أجل إقفال المنحة {$grant} في {$last}: مصاريف محمّلة عليها مؤرخة بعد ذلك اليوم (القيود {$entries}). اعكسها أولاً (`amana reverse N --reason ...`)، أو أبقِ أجلاً أطول
rule-changed-funder-missing = الجهة المانحة {$id} غير موجودة (انظر `amana funder list`)
rule-entry-invalid = القيد {$id}: {$error}
rule-locked = الحسابات مقفلة إلى غاية {$locked}: لا يمكن إضافة أي شيء مؤرخ في ذلك اليوم أو قبله. سجّل التصحيح بتاريخ داخل الفترة المفتوحة (بعد {$locked})، مثلاً `amana reverse N --date ...` ثم القيد الصحيح؛ أو، إن قرر ذلك أعضاء المكتب، أعد فتح السنة (`amana reopen --year ...`)
rule-account-unknown = الحساب {$account} غير موجود: أضفه بـ `amana account add {$account} --name ... --type ...`
rule-grant-unknown = المنحة {$grant} غير موجودة
rule-outside-grant-period = يجب أن تؤرَّخ المصاريف المحمّلة على المنحة {$grant} داخل فترتها من {$start} إلى {$end}
rule-line-not-of-grant = بند الميزانية {$line} لا ينتمي إلى المنحة {$grant} (انظر `amana grant list --grant {$grant}` لبنودها)
rule-line-of-other-grants = بند الميزانية {$line} لا ينتمي إلى المنحة {$grant} (إنه بند من {$others})
rule-original-currency-unknown = العملة {$currency} ليست رمز ISO 4217 يعرفه هذا السجل
rule-account-retired = الحساب {$account} موقوف منذ {$from}: لا يسجَّل عليه شيء مؤرخ في ذلك اليوم أو بعده (انظر `amana account list` للحسابات المستعملة)
rule-line-withdrawn = بند الميزانية {$line} من المنحة {$grant} مسحوب منذ {$from}: لا يحمَّل عليه شيء مؤرخ في ذلك اليوم أو بعده. حمّله على بند آخر (انظر `amana grant list --grant {$grant}`)، أو على لا شيء
rule-reversed-missing = القيد {$reverses} غير موجود
rule-reversed-twice = القيد {$reverses} عُكس من قبل
rule-closing-reversed = القيد {$reverses} سُجّل في نهاية سنة مالية (إقفال، أو ترحيل إلى الأموال المخصصة، أو تخصيص للنتيجة)، وهو لا يُعكس أبداً: يعيد أعضاء المكتب فتح السنة بدلاً من ذلك
rule-reversal-reversed = القيد {$reverses} هو نفسه قيد عكسي: سجّل القيد الصحيح بدلاً من ذلك
rule-reversal-before-original = لا يمكن أن يؤرَّخ القيد العكسي قبل القيد الذي يعكسه ({$original})
rule-reversal-not-mirrored = يجب أن تكون أسطر القيد العكسي عكس أسطر القيد {$reverses} تماماً
rule-lock-strands-year = القفل إلى غاية {$through} سيجعل إقفال السنة المالية {$year} مستحيلاً: أقفلها أولاً بـ `amana close --year {$year}`
rule-closing-dates = يؤرَّخ إقفال السنة المالية {$year} بآخر يوم منها، ويبدأ من أول يوم منها
rule-closing-in-import = الإقفال ليس له مرجع ولا يكون أبداً جزءاً من استيراد
rule-year-closed = السنة المالية {$year} مقفلة من قبل (أو إقفالها ينتظر التوقيعات)
rule-not-net-assets = تُرحَّل النتيجة إلى حساب من حسابات الأموال الذاتية؛ والحساب {$account} ليس منها
rule-not-replayed-closing = لا يمكن التحقق من الإقفال إلا على سلسلة أعيد تشغيلها
rule-not-replayed-seal = لا يمكن التحقق من الختم إلا على سلسلة أعيد تشغيلها
rule-not-replayed-grant-amendment = لا يمكن التحقق من ملحق المنحة إلا على سلسلة أعيد تشغيلها
rule-not-replayed-account-retirement = لا يمكن التحقق من إيقاف الحساب إلا على سلسلة أعيد تشغيلها
rule-not-replayed-line-withdrawal = لا يمكن التحقق من سحب بند الميزانية إلا على سلسلة أعيد تشغيلها
rule-closing-postings = أسطر الإقفال لا ترحّل بالضبط إيرادات وتكاليف السنة المالية {$year} إلى الأموال الذاتية
rule-dedicated-funds-postings = الأسطر لا ترحّل بالضبط الأموال المقيدة غير المصروفة للسنة المالية {$year} إلى الأموال المخصصة، منحةً منحة
rule-account-role = لا يمكن أن يكون الحساب {$account} حساب {$role}: يلزم حساب من نوع {$expected}
rule-allocation-closing = المُدخل {$closing} ليس إقفالاً نافذاً للسنة المالية {$year} له نتيجة تُخصَّص
rule-allocation-twice = نتيجة الإقفال {$closing} خُصصت من قبل بالمُدخل {$seq}
rule-allocation-date = يؤرَّخ تخصيص نتيجة السنة المالية {$year} بعد نهاية السنة؛ والتاريخ {$date} ليس كذلك
rule-allocation-postings = التخصيص يُخرج أولاً كامل نتيجة الإقفال {$closing} من حسابها، ثم يوزعها، بالإشارة نفسها، على حسابات الأموال الذاتية
rule-seal-bank-missing = الحساب البنكي {$account} غير موجود
rule-seal-head = الختم يدّعي المُدخلات من 1 إلى {$covered} برأس {$head}، لكن السلسلة التي قبله مختلفة
rule-seal-merkle-root = جذر Merkle للختم لا يُعاد حسابه من المُدخلات التي يغطيها
rule-seal-previous = الختم لا يشير إلى الختم السابق
rule-seal-trial-balance = ميزان المراجعة في الختم لا يُعاد حسابه من المُدخلات
rule-seal-grants = مجاميع المنح في الختم لا يُعاد حسابها من المُدخلات
rule-seal-bank-more = الكشف {$statement} يعطي {$balance} {$currency} للحساب {$account}، لكن الدفاتر تقول {$books}: في الدفاتر {$difference} {$currency} أكثر مما في الكشف: حركة لم ينفذها البنك بعد (شيك لم يُصرف؟)، أو حركة سُجلت مرتين أو بمبلغ أكبر. سجّل الحركات أو صحّحها، ثم اختم من جديد
rule-seal-bank-more-as-of = الكشف {$statement} يعطي {$balance} {$currency} للحساب {$account}، لكن الدفاتر تقول {$books} بتاريخ {$as_of}: في الدفاتر {$difference} {$currency} أكثر مما في الكشف: حركة لم ينفذها البنك بعد (شيك لم يُصرف؟)، أو حركة سُجلت مرتين أو بمبلغ أكبر. سجّل الحركات أو صحّحها، ثم اختم من جديد
rule-seal-bank-less = الكشف {$statement} يعطي {$balance} {$currency} للحساب {$account}، لكن الدفاتر تقول {$books}: في الدفاتر {$difference} {$currency} أقل مما في الكشف: حركات نفذها البنك لم تُسجَّل بعد (مصاريف بنكية، تحويل وارد؟)، أو حركة سُجلت بمبلغ أصغر. سجّل الحركات أو صحّحها، ثم اختم من جديد
rule-seal-bank-less-as-of = الكشف {$statement} يعطي {$balance} {$currency} للحساب {$account}، لكن الدفاتر تقول {$books} بتاريخ {$as_of}: في الدفاتر {$difference} {$currency} أقل مما في الكشف: حركات نفذها البنك لم تُسجَّل بعد (مصاريف بنكية، تحويل وارد؟)، أو حركة سُجلت بمبلغ أصغر. سجّل الحركات أو صحّحها، ثم اختم من جديد
rule-total-overflow = المُدخل {$seq} يبلغ مجموعاً يتجاوز ما يستطيع amana عدّه (2^63 وحدة صغرى): لا يصل إلى ذلك أي سجل من مُدخلات صحيحة، فهذا السجل تالف أو كتبه برنامج غير amana
rule-decision-year-out-of-range = القرار يذكر سنة مالية خارج النطاق
rule-officer-exists = المسؤول {$id} موجود من قبل
rule-not-a-public-key = ليس مفتاحاً عمومياً Ed25519 صالحاً
rule-key-taken = هذا المفتاح هو مفتاح المسؤول {$other} من قبل: لكل مسؤول مفتاحه الخاص
rule-already-locked = الحسابات مقفلة من قبل إلى غاية {$locked}
rule-reopen-not-closed = السنة المالية {$year} غير مقفلة: لا شيء يُعاد فتحه
rule-reopen-not-last = السنة المالية {$year} ليست آخر سنة مقفلة ({$last}): أعد فتح السنوات بدءاً من آخرها
rule-year-out-of-range = السنة المالية {$year} خارج النطاق
rule-officer-unknown = المسؤول {$officer} غير مسجّل
rule-officer-revoked-already = المسؤول {$officer} معزول من قبل
rule-last-officer = المسؤول {$officer} هو آخر مسؤول في مهامه: سجّل من يخلفه ووافق عليه أولاً (لا تُترك الحسابات أبداً دون مسؤولين يوقّعون)
rule-quorum-out-of-range = النصاب من 1 إلى {$max}
rule-signer-unknown = المسؤول {$officer} غير مسجّل (amana officer add)
rule-signer-revoked = المسؤول {$officer} عُزل (المُدخل {$at}): توقيعه لم يعد يُحتسب
rule-signer-not-approved = المسؤول {$officer} سُجّل بعد الختم الأول ولم تتم الموافقة عليه بعد (amana officer approve {$officer} --key ...): توقيعه لا يُحتسب
rule-not-signable = المُدخل {$target} ليس ختماً ولا قراراً يوقّعه المسؤولون
rule-signed-twice = المسؤول {$officer} وقّع المُدخل {$target} من قبل
rule-self-decision = لا يمكن للمسؤول {$officer} أن يوقّع قراراً يخصّه
rule-signed-hash-unknown = بصمة المُدخل الموقَّع غير معروفة بعد
rule-bad-signature = توقيع المُدخل {$domain} {$target} من طرف المسؤول {$officer} لا يتطابق مع مفتاحه: المُدخل أو التاريخ الذي قبله تغيّر بعد التوقيع، أو التوقيع مزوّر
rule-source-entry-missing = القيد {$entry} غير موجود
rule-source-not-transaction = المُدخل {$entry} قيد عكسي أو إقفال: المصدر يخص قيداً (والقيد العكسي يرث مصدر القيد الأصلي)
rule-source-entry-reversed = القيد {$entry} عُكس: سجّل القيد الصحيح مع مصدره بدلاً من ذلك
rule-source-posting-missing = ليس للقيد {$entry} سطر {$posting}
rule-source-not-income = السطر {$posting} من القيد {$entry} على الحساب {$account}، وهو ليس حساب إيرادات (ولا حساباً نظامياً): funder= يبيّن مصدر الإيرادات
rule-source-funder-missing = الجهة المانحة {$funder} غير موجودة: أضفها أولاً بـ `amana funder add`
rule-source-other-funder = السطر محمّل على المنحة {$grant}، وجهتها المانحة {$grant_funder} وليست {$funder}: احذف funder= (المنحة تحدد جهتها المانحة)
rule-source-twice = للسطر {$posting} من القيد {$entry} مصدر من قبل
rule-memorandum-mixed = الحساب {$account} ليس حساباً نظامياً، وهذا القيد يُسجَّل على الحساب النظامي {$memorandum}: تُسجَّل المساهمات العينية على الحسابات النظامية وحدها (amana in-kind)، ولا تُخلط أبداً بالأموال
rule-posting-to-parent = للحساب {$account} حسابات فرعية ({$subs}): سجّل على أحدها؛ الحساب الذي يجمع غيره لا يُسجَّل عليه
rule-tag-on-money = {$tag} على {$account}، وهو حساب بنك أو صندوق: المنحة أو بند الميزانية يوضع على سطر الإيراد في القيد (مال مقبوض) أو على سطر المصروف (مال مصروف)؛ انقل الوسم إلى هناك
rule-line-not-on-expense = line={$line} على {$account}، وهو حساب من نوع {$kind}: لا يُحمَّل بند الميزانية إلا بأسطر المصاريف (وبشراء أصل ثابت، حين يكون حساب البند حساب أصول)؛ ضع line={$line} grant={$grant} على سطر المصروف
rule-grant-tag-misplaced = grant={$grant} على {$account}، وهو حساب من نوع {$kind}: توسَم المنحة على أسطر الإيرادات (مال مقبوض في إطارها) وأسطر المصاريف (مال مصروف في إطارها)، أو على أصل ثابت اشتُري على بند تجهيزات؛ انقل الوسم إلى هناك
rule-original-sign-differs = المبلغ الأصلي {$original} على {$account} إشارته عكس إشارة مبلغ السطر {$amount}: المدين موجب والدائن سالب في الحالتين؛ أعطِ المبلغ الأصلي إشارة السطر

# تنبيهات: سُجّل، لكن يستحق الإشارة إليه.
warning-grant-overspent = القيد {$entry}: المنحة {$grant} صُرف منها {$spent}، متجاوزةً مجموعها البالغ {$total}
warning-grant-over-received = القيد {$entry}: المنحة {$grant} قُبض منها {$received}، متجاوزةً المتفق عليه {$agreed}
warning-money-below-zero = القيد {$entry}: حساب الصندوق أو البنك {$account} تحت الصفر بتاريخ {$date} ({$balance}): تحقق من المبالغ والتواريخ، فالمال لا ينزل تحت لا شيء
warning-parent-takes-no-posting = الحساب {$account} صار الآن تحت {$parent}، الذي عليه {$postings} أسطر: تبقى، لكن {$parent} لا يقبل أسطراً جديدة (تُسجَّل الأسطر على الحسابات التفصيلية)؛ سجّل على {$account} أو حساب فرعي آخر، وانقل الرصيد بقيد إن كان مكانه هناك
warning-dated-in-future = القيد {$entry} مؤرخ في {$date}، بعد اليوم ({$today}): تحقق من التاريخ
warning-overspent = القيد {$entry}: بند الميزانية {$grant}/{$line} تجاوز ميزانيته: صُرف {$spent} من أصل {$budget} مرصودة
warning-clock-behind = ساعة هذا الحاسوب تشير إلى {$now}، قبل وقت آخر مُدخل ({$last}): تحقق من تاريخ هذا الحاسوب ووقته (أو الحاسوب الذي كتب آخر مُدخل)؛ سيشير `amana verify` إلى هذا المُدخل

# الأصول الثابتة واهتلاكها.
rule-asset-exists = الأصل الثابت {$id} مسجّل من قبل
rule-asset-source = القيد {$entry} ليس قيداً مسجّلاً قائماً (فهو مفقود، أو قيد عكسي، أو إقفال، أو اهتلاك، أو عُكس): سجّل الأصل الثابت انطلاقاً من القيد الذي اشتراه
rule-asset-posting-missing = ليس للقيد {$entry} سطر {$posting}
rule-asset-not-a-debit = السطر {$posting} من القيد {$entry} (الحساب {$account}) ليس مديناً لحساب أصول: يُسجَّل الأصل الثابت انطلاقاً من السطر المدين الذي اشتراه
rule-asset-posting-registered = السطر {$posting} من القيد {$entry} مسجّل من قبل كأصل ثابت {$asset}
rule-asset-life = مدة استعمال {$months} شهراً: أعطِ من 1 إلى {$max} شهراً
rule-asset-start = لا يمكن أن يبدأ الاهتلاك في {$start}، قبل اقتناء الأصل ({$acquired})
rule-asset-account-type = حساب {$role} {$account} ليس حساباً من نوع {$expected}
rule-asset-release-missing = اشتُري الأصل على منحة: إعانة الاستثمار الخاصة به تحتاج حساب تحويل وحساب إيرادات
rule-asset-release-extra = لم يُشترَ الأصل على منحة: ليست له إعانة استثمار تُحوَّل
rule-asset-unknown = الأصل الثابت {$asset} غير مسجّل
rule-depreciation-order = يجب أن يبدأ اهتلاك الأصل {$asset} في {$expected} (الشهر الموالي لآخر شهر مُهتلك)، لا في {$start}
rule-depreciation-done = الأصل {$asset} مهتلك بالكامل من قبل
rule-depreciation-end = يؤرَّخ اهتلاك الأصل {$asset} بآخر يوم من شهر في جدوله؛ والتاريخ {$date} ليس كذلك
rule-depreciation-years = اهتلاك الأصل {$asset} من {$start} إلى {$date} يمتد على سنتين ماليتين: قيد واحد لكل سنة مالية
rule-depreciation-postings = أسطر اهتلاك الأصل {$asset} ليست أسطر جدوله ({$amount} وحدة صغرى: حسابا المخصصات والاهتلاك، ثم تحويل الإعانة)
rule-depreciation-in-import = الاهتلاك ليس له مرجع ولا يكون أبداً جزءاً من استيراد
rule-depreciation-reversed = القيد {$reverses} اهتلاك، وهو لا يُعكس أبداً
rule-asset-source-reversed = القيد {$reverses} اشترى الأصل الثابت {$asset}، وهو مسجّل: لا يمكن عكسه

# إعدادات السجل وتفسيرات الفروق.
rule-setting-unknown = "{$key}" ليس إعداداً يعرفه amana: الإعدادات هي language و timezone و org-id
rule-setting-invalid = الإعداد {$key}: "{$value}" غير صالح؛ أعطِ {$expected}
rule-note-line-missing = ليس للمنحة {$grant} بند ميزانية {$line} (انظر `amana grant list`): يُعطى التفسير لبند من بنود منحة
rule-note-text-length = تفسير {$grant}/{$line} طوله {$length} حرفاً: أعطِ نصاً من 1 إلى {$max} حرفاً (أرفق وثيقة أطول كوثيقة مثبِتة)
rule-threshold-grant-missing = المنحة {$grant} غير موجودة (انظر `amana grant list`): عتبة الفارق تُحدَّد لمنحة
rule-threshold-out-of-range = عتبة الفارق للمنحة {$grant} ({$percent}%) خارج الحدود: أعطِ نسبة من 0 إلى {$max} ومبلغاً يساوي 0 أو أكثر

# Funders' organisation identifiers.
rule-identified-funder-missing = الجهة المانحة {$funder} غير موجودة (انظر `amana funder list`)
rule-org-id-invalid = الجهة المانحة {$funder}: "{$org_id}" ليس معرّف منظمة: أعطِ رمز سجلّ، ثم شرطة، ثم المعرّف الذي يمنحه، مثلاً GB-CHC-202918 أو XM-DAC-41114 (انظر org-id.guide)
