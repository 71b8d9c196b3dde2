# ما يرفض التطبيق القيام به، ولماذا. صيغة Fluent (https://projectfluent.org): `{$name}` وسيط.
# تبقى الأوامر والخيارات والرموز والأرقام وأسماء الملفات كما هي.

# الإنشاء والتسجيل والاستيراد.
refusal-ledger-file-name-missing = {$path}: أعطِ اسم ملف للسجل
refusal-country-not-iso = البلد "{$country}" ليس رمز ISO 3166 من حرفين (مثلاً MA، FR، BE)
refusal-several-amounts-left-out = يمكن لسطر واحد فقط من القيد أن يُغفل مبلغه (فيأخذ ما يوازن الأسطر الأخرى)
refusal-transaction-not-found = القيد {$id} غير موجود (انظر `amana journal` للأرقام)
refusal-reversal-past-end = القيد {$id} مؤرخ في {$dated}، والحسابات مقفلة إلى غاية {$locked}، آخر يوم يسجّله السجل: لا يمكن تأريخ أي شيء بعده
refusal-reversal-in-locked-period = القيد {$id} مؤرخ في {$dated}، داخل الفترة المقفلة إلى غاية {$locked}: لا يمكن لقيده العكسي أن يأخذ تاريخه. أرّخه داخل الفترة المفتوحة، ابتداءً من {$first_open}:
refusal-already-imported = {$file}: هذا الملف (SHA-256 {$sha256}) سبق استيراده باسم {$imported_as} (المُدخل {$seq} في السلسلة)؛ لم يُستورد شيء. لاستيراده مرة أخرى عن قصد، أضف --force
refusal-import-receipt-missing = الملف غير موجود ({$path})؛ مسارات الوثائق المثبِتة نسبية إلى مجلد ملف CSV
refusal-import-receipt-unusable = {$error} (مسارات الوثائق المثبِتة نسبية إلى مجلد ملف CSV، وتبقى داخله)
refusal-grant-not-found = المنحة {$grant} غير موجودة (انظر `amana grant list`)
refusal-original-not-grant-currency = المنحة {$grant} بعملة {$expected}: السطر المحمّل عليها يحمل مبلغه بعملة {$expected}، لا بعملة {$currency} (أعطِ المبلغ بعملة {$expected}، أو أغفله ليُستخرج من جدول أسعار الصرف)
refusal-no-rate-for-grant = المنحة {$grant} بعملة {$currency}، ولا يوجد سعر صرف لـ {$currency} مسجّل في {$date} أو قبله لإعطاء السطر مبلغه بعملة {$currency}: أضف سعراً بـ `amana rate add --currency {$currency} --date {$date} --rate ...`، أو أعطِ المبلغ بعملة {$currency} (المبلغ الأصلي)
refusal-revalue-not-money = الحساب {$account} ليس حساب أصول: لا يُعاد تقييم إلا حساب يحتفظ بأموال بعملة أجنبية (حساب بنكي باليورو EUR)
refusal-revalue-mixed = الحساب {$account} غير ممسوك بعملة {$currency}: القيد #{$entry} مسجّل عليه دون مبلغ بعملة {$currency} (كل سطر على حساب ممسوك بعملة {$currency} يحمل مبلغه بها، orig=AMOUNT:{$currency})
refusal-no-rate-to-revalue = لا يوجد سعر صرف لـ {$currency} مسجّل في {$date} أو قبله: أضف سعر الإقفال بـ `amana rate add --currency {$currency} --date {$date} --rate ...`
refusal-revalue-accounts-needed = أعطِ --gain-account و --loss-account: حسابا الإيرادات والمصاريف لفوارق الصرف (ليس لهذا المخطط حسابات افتراضية)
refusal-no-instalments-yet = المنحة {$grant} تُحوَّل بسعر دفعاتها، ولم تُسجَّل بعد أي دفعة بعملة {$currency}: سجّل دفعة الجهة المانحة أولاً (بمبلغها بعملة {$currency})، أو أعطِ مبلغ هذا السطر بعملة {$currency}، أو اختر الطريقة اليومية (`amana grant terms {$grant} --rate-method daily`)

# المسؤولون والمفاتيح والقرارات.
refusal-key-unusable = {$error}
refusal-key-not-registered = المفتاح ذو المفتاح العمومي {$public_key} لا يعود لأي مسؤول مسجّل: سجّله أولاً بـ `amana officer add ID --name ... --role ... --key KEYFILE.pub`
refusal-officer-revoked = المسؤول {$officer} عُزل (المُدخل {$at} في السلسلة): توقيعاته لم تعد تُحتسب
refusal-officer-not-approved = المسؤول {$officer} سُجّل بعد الختم الأول ولم تتم الموافقة عليه بعد: يوافق عليه أولاً المسؤولون في مهامهم، بالعدد الذي تحدده قاعدة السجل (`amana officer approve {$officer} --key THEIR_KEY`)
refusal-officer-already-approved = المسؤول {$officer} تمت الموافقة عليه من قبل
refusal-founding-officer-approved = المسؤول {$officer} مسجّل قبل أول ختم للسجل: مسؤول مؤسس، تُحتسب توقيعاته دون موافقة؛ احذف --approve
refusal-founding-officer-needs-no-approval = المسؤول {$officer} سُجّل قبل أول ختم للسجل: مسؤول مؤسس، تُحتسب توقيعاته دون موافقة
refusal-officer-not-registered = المسؤول {$officer} غير مسجّل (amana officer add)
refusal-approval-of-revoked = المسؤول {$officer} عُزل (المُدخل {$at} في السلسلة): الموافقة لن تغيّر شيئاً
refusal-seal-not-found = لا يوجد ختم {$reference}: أعطِ رقم مُدخل الختم في السلسلة أو بصمته (انظر `amana log --kind seal`)
refusal-not-signable = المُدخل {$seq} ليس ختماً ولا قراراً للمسؤولين (انظر `amana log`)
refusal-lock-not-past = التاريخ {$through} لم يمضِ بعد: أقفل الفترة بعد انتهائها
refusal-key-given-twice = مفتاح المسؤول {$officer} أُعطي مرتين: كل مسؤول يوقّع مرة واحدة؛ أعطِ مفتاح كل مسؤول مرة واحدة
refusal-quorum-not-met = هذا القرار ({$decision}) يحتاج توقيعات {$needed} مسؤول(ين) (قاعدة السجل)، وأُعطي {$given} مفتاح(اً) لمسؤولين: أضف --sign KEYFILE لكل واحد (المسؤولون الذين يمكنهم التوقيع: {$can_sign})
refusal-quorum-not-met-policy = هذا القرار ({$decision}) يحتاج توقيعات {$needed} مسؤول(ين) (قاعدة السجل: {$quorum})، وأُعطي {$given} مفتاح(اً) لمسؤولين: أضف --sign KEYFILE لكل واحد (المسؤولون الذين يمكنهم التوقيع: {$can_sign})
refusal-ledger-does-not-verify = السجل لا يجتاز التحقق عند المُدخل {$seq} من السلسلة: {$why}. شغّل `amana verify` وعالج ذلك قبل الختم أو التوقيع

# الأختام والإقفالات.
refusal-bank-twice = --bank يذكر الحساب {$account} مرتين: أعطِ رصيد كشف كل حساب بنكي مرة واحدة
refusal-period-not-past = تنتهي الفترة في {$end}، الذي لم يمضِ بعد: اختم الفترة (وطابق كشوفها البنكية) بعد انتهائها
refusal-seal-blocks-closing = ليست لهذا السجل قاعدة توقيع بعد، لذا يُقفل الختم فترته، والقفل إلى غاية {$end} سيجعل إقفال السنة المالية {$year} مستحيلاً: أقفلها أولاً بـ `amana close --year {$year}`
refusal-year-out-of-range = السنة المالية {$year} خارج النطاق: يسجّل السجل السنوات من 1 إلى 9999؛ أعطِ السنة التي تبدأ فيها السنة المالية، مثلاً --year 2025
refusal-year-not-ended = السنة المالية {$year} تمتد من {$start} إلى {$end}: يمكن إقفالها ابتداءً من اليوم الموالي لنهايتها
refusal-year-already-closed = السنة المالية {$year} مقفلة من قبل (الحسابات مقفلة إلى غاية {$locked})؛ لتصحيحها، يعيد المسؤولون فتحها أولاً: `amana reopen --year {$year} --reason ...`
refusal-year-locked = الحسابات مقفلة إلى غاية {$locked}، وهو ما يشمل السنة المالية {$year}: لم يعد ممكناً إقفالها؛ يعيد المسؤولون أولاً فتح آخر سنة مقفلة إن لزم الأمر
refusal-earlier-year-open = السنة المالية {$year} لم تُقفل بعد: أقفل السنوات بالترتيب (amana close --year {$year})
refusal-demo-step = لم يتمكن العرض التوضيحي من {$step}: {$reason} (خلل في العرض التوضيحي: يرجى الإبلاغ عنه)
refusal-result-not-allocated = نتيجة السنة المالية {$year} ({$amount} على الحساب {$account}) لم تُخصَّص بعد، ولا يجوز أن يخلط الإقفال نتيجتي سنتين: سجّل قرار الجمع العام أولاً (amana allocate-result --year {$year})
refusal-dedicated-fund-of-ended-grant = المنحة المقيدة {$grant} انتهت في {$end} وما تزال تحتفظ بـ {$amount} مقبوضة وغير مصروفة: لم يعد ممكناً صرفها على المنحة؛ سجّل أولاً مآلها (إرجاعها إلى الجهة المانحة، مثلاً بجعل حساب الإيرادات مديناً مع grant={$grant} وحساب الأموال الواجب إرجاعها دائناً، أو بملحق يمدّد نهاية المنحة إن مدّدتها الجهة المانحة)
refusal-carry-accounts-together = أعطِ --charge-account و --release-account معاً (حسابا التكلفة والإيراد اللذان تُرحَّل بهما الأموال المخصصة وتُسترجع)، أو لا تعطِ أياً منهما
refusal-no-result-to-allocate = ليست للسنة المالية {$year} نتيجة تُخصَّص: إما أنها غير مقفلة، أو أن إقفالها لم يحمل نتيجة، أو أن نتيجتها خُصصت من قبل (انظر amana log)
refusal-allocation-sum = مجموع الأجزاء المعطاة (--to) هو {$parts}، لا نتيجة السنة المالية {$year} البالغة {$result}: أعطِ أجزاءً مجموعها يساوي النتيجة تماماً

# وصولات الأعضاء.
refusal-member-receipt-not-found = القيد {$id} غير موجود (انظر `amana journal`)
refusal-transaction-reversed = القيد {$id} عُكس بالقيد {$by} ({$date}): لم تعد الحسابات تعدّ هذا المال مقبوضاً، فلا وصل عضو له. إن كان المال قد دخل فعلاً، سجّله من جديد وأعطِ وصل ذلك القيد
refusal-not-money-received = القيد {$id} ليس مالاً مقبوضاً من عضو أو متبرع: {$why}. وصل العضو يخص الاشتراكات أو التبرعات: قيد يجعل حساب إيرادات دائناً والصندوق أو حساباً بنكياً مديناً (انظر `amana journal`)
refusal-not-received-reversal = إنه قيد عكسي (للقيد {$of})
refusal-not-received-closing = إنه إقفال السنة المالية {$year}
refusal-not-received-unknown-account = نوع الحساب {$account} غير معروف
refusal-not-received-depreciation = إنه اهتلاك للأصل {$asset}
refusal-not-received-no-income = لا يجعل أي حساب إيرادات دائناً
refusal-not-received-no-money = لا يجعل الصندوق ولا أي حساب بنكي مديناً
refusal-not-received-income-overflow = مجموع أسطر إيراداته يتجاوز أي مبلغ يستطيع amana الاحتفاظ به

# حزم التدقيق.
refusal-bundle-folder-not-empty = {$dir}: موجود من قبل وليس مجلداً فارغاً؛ صدّر حزمة التدقيق في مجلد جديد
refusal-bundle-entry-undecodable = المُدخل {$seq}: {$error}
refusal-bundle-entry-does-not-rebuild = المُدخل {$seq} من {$dir} لا يُعاد بناؤه إلى بصمة سلسلته
refusal-bundle-does-not-verify = حزمة التدقيق {$dir} لا تجتاز التحقق، لذا لم يُوقَّع شيء: {$findings}. شغّل `amana verify --bundle {$dir}`، واطلب من أمين المال حزمة جديدة
refusal-and-more = و{$count} أخرى
refusal-bundle-unreadable = {$dir} ليس حزمة تدقيق يمكن قراءتها ({$why}): أعطِ المجلد الذي كتبه `amana export audit`
refusal-bundle-empty-chain = سلسلتها فارغة
refusal-bundle-broken = حزمة التدقيق {$dir} لا تجتاز التحقق عند المُدخل {$seq} من السلسلة: {$why}، لذا لم يُوقَّع شيء. شغّل `amana verify --bundle {$dir}`، واطلب من أمين المال حزمة جديدة
refusal-already-signed-in-bundle = المسؤول {$officer} وقّع من قبل {$what} {$fingerprint} (المُدخل {$seq}) في هذه الحزمة: لا شيء يُرسَل
refusal-own-decision = المُدخل {$seq} قرار يخص المسؤول {$officer}: لا أحد يوقّع قراراً يخصه
refusal-bundle-key-not-registered = المفتاح ذو المفتاح العمومي {$public_key} لا يعود لأي مسؤول مسجّل في هذا السجل: يسجّله أمين المال أولاً (`amana officer add ID --name ... --role ... --key KEYFILE.pub`)
refusal-bundle-officer-not-approved = المسؤول {$officer} سُجّل بعد الختم الأول ولم تتم الموافقة عليه بعد، لذا لن يُحتسب توقيعه: يشغّل مسؤول موافَق عليه أولاً `amana officer approve {$officer} --key THEIR_KEY`

# سلسلة تنقطع قبل نهايتها.
refusal-break-missing = المُدخل {$expected} مفقود أو في غير مكانه
refusal-break-hash-mismatch = بصمته المخزّنة لا تطابق بايتاته
refusal-break-link-broken = رابطه بالمُدخل الذي قبله مقطوع
refusal-break-renumbered = يحمل المُدخل المسجّل برقم {$recorded}
refusal-break-not-its-line = ليس المُدخل الذي يذكره سطره

# ملفات التوقيع.
refusal-signature-file-too-large = {$path}: أكبر من {$limit} بايت، وهو حجم كبير جداً لما يفترض أن يكون
refusal-not-a-signature-file = {$path}: ليس ملف توقيع amana ({$error})؛ يصنع المسؤول ملفاً بـ `amana sign SEAL --key KEYFILE --bundle DIR --out FILE`
refusal-signature-format-unknown = {$path}: الصيغة "{$format}" ليست صيغة يقرؤها هذا الإصدار من amana ({$expected})
refusal-signature-field-damaged = {$path}: الحقل {$field} ليس {$bytes} بايت بالترميز السداسي عشري: الملف تالف؛ اطلبه من المسؤول مرة أخرى
refusal-signature-kind-unknown = {$path}: يوقّع مُدخلاً من نوع "{$kind}"؛ يضيف amana توقيعات الأختام وقرارات المسؤولين
refusal-signature-fingerprint-mismatch = {$path}: بصمة الملف {$claimed} ليست بصمة المُدخل الذي يوقّعه ({$fingerprint}): الملف عُدّل؛ اطلبه من المسؤول مرة أخرى
refusal-signature-other-ledger = {$path}: التوقيع يخص السجل "{$ledger}" ({$ledger_id})، لا هذا السجل ("{$this_ledger}"، {$this_id}): أضفه إلى سجله
refusal-signature-entry-not-signable = {$path}: المُدخل {$seq} من هذا السجل ليس {$what}؛ التوقيع يخص {$what} {$fingerprint}، الذي لا يوجد في هذا الموضع من السجل (انظر `amana log`)
refusal-signature-seal-mismatch = {$path}: التوقيع يخص الختم {$fingerprint} عند المُدخل {$seq}، لكن ختم هذا السجل هناك هو {$seal}: صُنع من حزمة سجل آخر، أو من حزمة معدّلة
refusal-signature-officer-mismatch = {$path}: الملف يذكر المسؤول "{$named}"، لكن المفتاح هو مفتاح المسؤول {$officer} في هذا السجل
refusal-signature-already-added = {$path}: المسؤول {$officer} وقّع من قبل الختم {$seal} (المُدخل {$seq})؛ لم يُضف شيء
refusal-signature-invalid = {$path}: التوقيع لا يتطابق مع مفتاح المسؤول {$officer} للختم {$seal}: الملف عُدّل، أو لم يُوقَّع بذلك المفتاح

# النسخ الاحتياطي والاسترجاع.
refusal-backup-is-folder = {$file}: مجلد؛ أعطِ اسم ملف الأرشيف المراد كتابته، مثلاً {$file}/amana-backup.tar
refusal-output-exists = {$file}: يوجد ملف بهذا الاسم من قبل؛ أعطِ اسماً آخر، أو --force لاستبداله
refusal-backup-over-protected = {$file}: هو {$what}؛ لا تُكتب النسخة الاحتياطية فوقه أبداً، حتى مع --force. اختر اسم ملف آخر
refusal-protected-the-ledger = السجل نفسه
refusal-protected-receipt-folder = داخل مجلد الوثائق المثبِتة للسجل
refusal-protected-database = قاعدة بيانات (ربما سجل)
refusal-protected-key-file = ملف مفتاح
refusal-folder-missing = {$file}: المجلد {$folder} غير موجود
refusal-restore-target-exists = {$path}: موجود من قبل؛ الاسترجاع لا يكتب إلا سجلاً جديداً: أعطِ --to مساراً غير مستعمل
refusal-not-a-backup = {$file}: {$why}؛ ليس أرشيفاً كتبه `amana backup`، ولم يُسترجع شيء
refusal-archive-not-tar = لا يمكن قراءته كأرشيف tar ({$error})
refusal-archive-not-regular = العنصر "{$name}" {$what}، وليس ملفاً عادياً
refusal-archive-symbolic-link = رابط رمزي
refusal-archive-hard-link = رابط صلب
refusal-archive-device = جهاز
refusal-archive-named-pipe = أنبوب مسمّى
refusal-archive-other-member = عنصر {$kind}
refusal-archive-unknown-member = العنصر "{$name}" ليس اسماً تحتويه النسخة الاحتياطية (فقط {$readme} و{$db} و{$receipts}/HH/SHA256)
refusal-archive-member-twice = العنصر "{$name}" يظهر مرتين
refusal-archive-member-unreadable = العنصر "{$name}" لا يمكن قراءته ({$error})
refusal-archive-too-large = العنصر "{$name}" أكبر من أي وثيقة مثبِتة يحتفظ بها amana
refusal-archive-wrong-hash = العنصر "{$name}" ليست له بصمة SHA-256 التي يحملها اسمه (الوثيقة عُدّلت)
refusal-archive-no-ledger = لا يحتوي على {$db}
refusal-restored-not-a-ledger = {$file}: الملف {$db} فيه ليس سجل amana ({$reason})؛ لم يُسترجع شيء

# العرض التوضيحي، والمساهمات العينية، ومخطط الحسابات.
refusal-demo-folder-not-empty = {$dir} ليس فارغاً ولا يحتوي على سجل عرض توضيحي؛ العرض التوضيحي لا يكتب إلا في مجلد جديد أو فارغ، أو فوق عرض سابق (اختر --out آخر)
refusal-demo-would-overwrite = {$path} موجود وليس سجل عرض توضيحي؛ العرض التوضيحي لا يكتب فوقه أبداً (اختر --out آخر)
refusal-demo-reference-missing = لا يجد العرض التوضيحي أي قيد بالمرجع {$reference}
refusal-in-kind-accounts-missing = ليس لمخطط الحسابات {$chart} حسابات نظامية للمساهمات العينية: أضفها (`amana account add CODE --type memorandum`) وأعطِ --use-account و --resource-account
refusal-in-kind-value-inexact = {$hours} ساعة بسعر {$rate} لا تساوي عدداً صحيحاً من أصغر وحدة في العملة: أعطِ القيمة نفسها بـ --value
refusal-in-kind-value-not-positive = قيمة المساهمة العينية أكبر من الصفر، لا {$value}: لإلغاء مساهمة، اعكسها (`amana reverse N --reason ...`)
refusal-account-type-not-parents = سيكون الحساب {$code} من نوع {$given}، لكن في المخطط المحاسبي المغربي يأخذ الحساب الفرعي نوع حسابه الأصلي: {$parent} من نوع {$parents}؛ أغفل --type (أو أعطِ --type {$parents})، أو اختر رمزاً تحت حساب من نوع {$given}
refusal-account-type-missing = الحساب {$code} يحتاج نوعه: أعطِ --type asset أو liability أو net-assets أو income أو expense
refusal-bank-account-missing = الحساب {$account} غير موجود في الدفتر (انظر `amana account list`): يُستورد الكشف في حساب البنك أو الصندوق الذي يخصه
refusal-bank-account-not-asset = الحساب {$account} من نوع {$kind}: يُستورد الكشف في حساب بنك أو صندوق (أصل)
refusal-bank-no-suspense = {$count} سطراً لا يطابق أي قاعدة (أسطر الملف {$lines}) ولا يوجد حساب انتظار يستقبلها: سمِّ حساباً بـ suspense = "CODE" في ملف القواعد، أو أضف قواعد لها
refusal-bank-suspense-missing = حساب الانتظار {$account} غير موجود في الدفتر: أضفه (`amana account add {$account} ...`) أو سمِّ حساباً آخر بـ suspense = "CODE" في ملف القواعد
refusal-bank-line-not-in-suspense = القيد {$entry} ليس سطراً بنكياً ينتظر في حساب الانتظار (انظر `amana bank review`)
refusal-reconcile-no-balance = لا يحتوي {$file} على عمود الرصيد: أعطِ الرصيد الختامي للكشف بـ --balance
refusal-reconcile-nothing-given = أعطِ الكشف: --statement FILE، أو رصيده الختامي وتاريخه بـ --balance و --date
refusal-reconcile-not-outstanding = القيد {$entry} ليس قيداً للحساب {$account} ينتظر المطابقة (مؤرخاً في تاريخ الكشف أو قبله، وغير مطابق من قبل)

# معرّفات المنظمات، وتصدير IATI و 360Giving.
refusal-org-id-agency-unknown = معرّف المنظمة {$org_id}: {$agency} ليس سجلاً في قائمة OrganisationRegistrationAgency الخاصة بـ IATI: ابحث في org-id.guide عن السجل المقيّدة فيه المنظمة وأعطِ رمزه (مثلاً XM-DAC-41114 أو GB-CHC-202918 أو XI-IATI-…)؛ لم يُسجَّل شيء
refusal-export-org-id-missing = ليس للسجل معرّف منظمة تُسمّى به الجمعية في ملفات IATI و 360Giving: سجّله بالأمر `amana setting set org-id السجل-المعرّف` (رمز السجل من org-id.guide، مثلاً XI-IATI-…)؛ لم يُكتب شيء
refusal-export-funder-org-id-missing = ليس للجهة المانحة {$funder} صاحبة المنحة {$grant} معرّف منظمة: سجّله بالأمر `amana funder identify {$funder} السجل-المعرّف` (مثلاً XM-DAC-41114؛ انظر org-id.guide)، أو صدّر منحة أخرى بـ --grant؛ لم يُكتب شيء
refusal-export-code-not-in-list = {$what}: {$code} ليس رمزاً في قائمة {$list} الخاصة بـ IATI؛ لم يُكتب شيء
refusal-export-dated-in-future = المنحة {$grant}: المعاملة {$id} مؤرخة في {$date}، بعد اليوم ({$today})، و IATI لا تنشر معاملة في المستقبل: صدّر بعد مرور ذلك اليوم، أو صحّح التاريخ (`amana reverse {$id}` ثم سجّلها من جديد)؛ لم يُكتب شيء
refusal-export-no-grant = ليس في السجل منحة يُصرَّح بها: أضف واحدة بالأمر `amana grant add`؛ لم يُكتب شيء
refusal-export-country-unknown = لا دليل الحسابات ولا معرّف المنظمة {$org_id} يسمّي بلد أنشطة الجمعية: أعطه بـ --country (مثلاً --country MA)؛ لم يُكتب شيء
refusal-export-rule-broken = {$what}: سيرفضه مخطط IATI أو قواعدها؛ لم يُكتب شيء
refusal-bank-suspense-is-the-account = حساب الانتظار {$account} هو حساب الكشف نفسه: الأسطر التي لا تطابق أي قاعدة تنتظر في حساب آخر (suspense = "CODE" في ملف القواعد؛ 3497 في المخطط المغربي)
refusal-bank-assign-to-itself = يُخصَّص السطر البنكي للحساب الذي يعود إليه، لا لحساب البنك أو الانتظار الذي يوجد فيه أصلاً ({$account})
