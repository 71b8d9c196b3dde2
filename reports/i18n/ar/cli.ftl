# ما يقوله سطر الأوامر نفسه: الصفحة التي يعرضها `amana verify`، والملخصات بعد كل أمر، وإطار
# أخطائه وتنبيهاته. صيغة Fluent (https://projectfluent.org): `{ $name }` وسيط؛ و`{" "}` يُبقي
# مسافة في البداية. تبقى الأوامر والخيارات والرموز والأرقام والبصمات وأسماء الملفات كما هي.

# amana verify.
cli-verify-ok = سليم: تم التحقق من { $entries } مُدخلاً في السلسلة ({ $transactions } قيداً، و{ $rows } صفاً من الجداول قورنت بالسلسلة).
cli-verify-ok-every = كل بصمة وكل رابط يُعاد حسابهما، وكل مُدخل يحترم القواعد، وكل ختم يُعاد حسابه وتوقيعاته صحيحة، وكل وثيقة مثبِتة سليمة.
cli-verify-ok-tables = كل جدول تقرأ منه التقارير مطابق للسلسلة، وبنية الملف وفحص سلامة SQLite سليمان.
cli-verify-failed = فشل: { $count ->
    [one] مشكلة واحدة
    [two] مشكلتان
   *[other] { $count } من المشاكل
} في { $entries } مُدخلاً من السلسلة.
cli-verify-problem = المُدخل { $seq }: { $kind }: { $detail }
cli-verify-warnings = { $count ->
    [one] تنبيه واحد
    [two] تنبيهان
   *[other] { $count } من التنبيهات
} (لا تُثبت أي تغيير، لكنها تستحق النظر):
cli-verify-seal = الختم { $fingerprint } (المُدخل { $seq }): يغطي المُدخلات من 1 إلى { $covered }{ $period }، { $signed }{ $state }
cli-verify-seal-period = ، للفترة المنتهية في { $end }
cli-verify-seal-unsigned = لا توقيع صالح
cli-verify-seal-signed = موقّع من طرف { $officers }
cli-verify-seal-invalid = {" "}(غير صالح)
cli-verify-decision = قرار (المُدخل { $seq }): { $detail }{ $signed }{ $state }
cli-verify-decision-signed = ، موقّع من طرف { $officers }
cli-verify-decision-in-effect = : نافذ
cli-verify-decision-void = {" "}(لاغٍ: تقدمت الحسابات قبل أن يستوفي توقيعاته)
cli-verify-decision-waiting = {" "}(غير نافذ: ينتظر التوقيعات)
cli-verify-signed-through = موقّع من طرف المسؤولين حتى المُدخل { $seq }.
cli-verify-anchored-through = مطابق للرأس المنشور حتى المُدخل { $seq }.
cli-verify-unanchored = غير مضمون بعد: آخر { $count } مُدخلاً متسقة، لكنها غير مغطاة بختم موقّع ولا برأس منشور (--anchor).
cli-verify-head = الرأس: { $entries } { $head }

# إطار كل خطأ وكل تنبيه.
cli-error = amana: خطأ: { $message }
cli-warning = amana: تنبيه: { $message }

# ما يقوله الأمر الذي يكتب عمّا فعله.
cli-created-ledger = أُنشئ السجل "{ $name }" في { $path } ({ $currency }، مخطط الحسابات { $chart }، { $seq } مُدخلاً في السلسلة).
cli-head = الرأس: { $seq } { $head }
cli-keep-together = احتفظ بـ { $ledger } ومجلد وثائقه المثبِتة { $folder } معاً (انسخهما كليهما، أو اجعلهما أرشيفاً واحداً بـ `amana backup FILE`).
cli-added-account = أُضيف الحساب { $code } (المُدخل { $seq } في السلسلة).
cli-renamed-account = غُيّر اسم الحساب { $code } (المُدخل { $seq } في السلسلة).
cli-retired-account = أُوقف الحساب { $code } ابتداءً من { $effective } (المُدخل { $seq } في السلسلة).
cli-added-funder = أُضيفت الجهة المانحة { $id } (المُدخل { $seq } في السلسلة).
cli-renamed-funder = غُيّر اسم الجهة المانحة { $id } (المُدخل { $seq } في السلسلة).
cli-identified-funder = سُجّل معرّف المنظمة للجهة المانحة { $id }: { $org_id } (المُدخل { $seq } في السلسلة).
cli-added-grant = أُضيفت المنحة { $id } (المُدخل { $seq } في السلسلة).
cli-added-budget-line = أُضيف بند الميزانية { $grant }/{ $line } (المُدخل { $seq } في السلسلة).
cli-amended-grant = سُجّل ملحق المنحة { $id } (المُدخل { $seq } في السلسلة).
cli-amended-budget-line = سُجّل ملحق بند الميزانية { $grant }/{ $line } (المُدخل { $seq } في السلسلة).
cli-recorded = سُجّل القيد #{ $id } (المُدخل { $seq } في السلسلة).
cli-import-range = {" "}من #{ $first } إلى #{ $last }
cli-import-dry-run = محاكاة: { $file } سيستورد { $transactions } قيداً{ $range } من { $rows } سطراً؛ لم يُكتب شيء.
cli-imported = استُورد { $transactions } قيداً{ $range } من { $rows } سطراً من { $file } (sha256 { $sha256 })، المُدخلات من { $first_seq } إلى { $last_seq } في السلسلة.
cli-books-imported = استُورد { $transactions } قيداً{ $range } (منها { $reversals } قيود عكسية) من { $lines } سطراً من { $file } (sha256 { $sha256 })، في { $batches } دفعات استيراد، المُدخلات من { $first_seq } إلى { $last_seq } في السلسلة.
cli-books-dry-run = تجربة: كان { $file } سيستورد { $transactions } قيداً{ $range } (منها { $reversals } قيود عكسية) من { $lines } سطراً؛ لم يُكتب شيء.
cli-books-accounts-created = الحسابات التي يفتحها الملف، أُنشئت: { $count } ({ $codes }).
cli-books-accounts-to-create = الحسابات التي يفتحها الملف، ستُنشأ: { $count } ({ $codes }).
cli-books-changed = { $file }:{ $line }: يُحفظ { $field } «{ $written }» على الشكل «{ $kept }» (مسافات حوله، أو الشكل المركّب في يونيكود).
cli-books-left-out = تُرك جانباً، دون حركة مال ({ $count }):
cli-books-left-out-directive = { $file }:{ $line }: توجيه لم يُستورد: { $text }
cli-books-left-out-tag = { $file }:{ $line }: وسم أو بيانات وصفية لا حقل لها في amana: { $text }
cli-books-left-out-comment = { $file }:{ $line }: تعليق لم يُستورد: { $text }
cli-books-left-out-link = { $file }:{ $line }: رابط لم يُستورد (لا يتقاسمه في هذا الملف قيد عكسي وقيده الأصلي): { $text }
cli-books-left-out-date2 = { $file }:{ $line }: تاريخ ثانوي لم يُستورد (للقيد تاريخ واحد): { $text }
cli-books-left-out-option = { $file }:{ $line }: خيار لم يُستورد: { $text }
cli-books-left-out-account-name = { $file }:{ $line }: لم يُؤخذ اسم الحساب، يحتفظ السجل باسمه (amana account rename يغيّره): { $text }
cli-books-left-out-numbering = تُرك جانباً أيضاً: { $count } من أرقام القيود والسلسلة في السجل الأصلي (amana-entry و chain-entry و kind)؛ هذا السجل يرقّم قيوده.
cli-reversed = عُكس القيد #{ $id } بالقيد #{ $reversal } (المُدخل { $seq } في السلسلة). سجّل القيد الصحيح إن وُجد.

# bank import, bank review, bank assign, reconcile
cli-bank-read = قُرئ { $file } هكذا: { $layout }.
cli-bank-guessed = استُنتج من الملف (لم يذكره ملف قواعد): { $guessed }. إن كان استنتاج خاطئاً، اكتبه في ملف قواعد (انظر examples/banks/).
cli-bank-newest-first = يبدأ الملف بأحدث سطر: تُسجَّل الأسطر من الأقدم إلى الأحدث.
cli-bank-not-lines = أسطر ليست عمليات: { $list }.
cli-bank-balance-rows = { $count } سطر رصيد (السطر { $lines })
cli-bank-footer-rows = { $count } سطر مجاميع في النهاية (السطر { $lines })
cli-bank-continued-rows = { $count } سطر يكمل بيان السطر السابق
cli-bank-range-one = { " " }(القيد رقم { $first })
cli-bank-range = { " " }(القيود من { $first } إلى { $last })
cli-bank-counts = { $read } سطراً في الكشف: استُورد { $imported } في { $account }{ $range }، وتُرك { $skipped } لأنه مسجل من قبل.
cli-bank-counts-dry-run = { $read } سطراً في الكشف: سيُستورد { $imported } في { $account }{ $range }، ويُترك { $skipped } لأنه مسجل من قبل.
cli-bank-suspense = { $count } سطراً لا يطابق أي قاعدة وذهب إلى حساب الانتظار { $account }؛ خصّص كل سطر بـ `amana bank assign ENTRY --account CODE` (انظر `amana bank review`):
cli-bank-suspense-dry-run = { $count } سطراً لا يطابق أي قاعدة وسيذهب إلى حساب الانتظار { $account }؛ خصّص كل سطر بـ `amana bank assign ENTRY --account CODE` (انظر `amana bank review`):
cli-bank-maybe-recorded = ملاحظة: قد يكون السطر { $line } مسجلاً يدوياً في القيد رقم { $entry } ({ $date }، المبلغ نفسه): إن كان كذلك، اعكس أحدهما (`amana reverse N --reason ...`).
cli-bank-no-balance = لا يحتوي الكشف على عمود رصيد: لا شيء يُقارن بالدفاتر.
cli-bank-balance-agrees = يتفق رصيد الكشف مع الدفاتر في كل يوم من أيامه الـ { $days }.
cli-bank-balance-differs = يختلف رصيد الكشف عن الدفاتر في { $date } (السطر { $line }): يقول الكشف { $statement } والدفاتر { $books } (فرق قدره { $difference }). هل ينقص الرصيد الافتتاحي، أو شيك سُجل يدوياً، أو سطر من كشف آخر؟ يعرض `amana reconcile` ما هو معلق.
cli-bank-dry-run = لم يُكتب شيء (تجربة).
cli-bank-recorded = سُجل ابتداءً من مدخل السلسلة { $seq }، الرأس { $head }.
cli-bank-nothing-new = لا جديد: لم يُكتب شيء.
cli-bank-review-none = لا يوجد سطر بنكي ينتظر في حساب الانتظار.
cli-bank-review = { $count } سطراً بنكياً ينتظر في حساب الانتظار؛ خصّص كل سطر بـ `amana bank assign ENTRY --account CODE [--grant G --line L | --funder F]`:
cli-bank-assigned = خُصص السطر البنكي رقم { $entry } ({ $description }، { $amount }) إلى { $account }: أعيد تصنيفه بالقيد رقم { $transaction } (مدخل السلسلة { $seq }).
cli-reconcile-title = مطابقة { $account } مع { $statement } بتاريخ { $date }:
cli-reconcile-matched = { $count } قيداً طوبق مع الكشف.
cli-reconcile-matched-before = { $count } سطراً من الكشف طوبق في مطابقة سابقة.
cli-reconcile-books = الرصيد في الدفاتر
cli-reconcile-outstanding = { $count } قيداً لم يظهر في الكشف بعد، مطروحاً
cli-reconcile-bank-only = { $count } سطراً من الكشف غير موجود في الدفاتر، مضافاً
cli-reconcile-explained = = الرصيد الذي ينبغي أن يُظهره الكشف
cli-reconcile-statement = رصيد الكشف
cli-reconcile-difference = فرق غير مفسَّر
cli-reconcile-done = تمت المطابقة: { $count } قيداً عُلِّم بأنه في الكشف (مدخل السلسلة { $seq }).
cli-reconcile-dry-run = تمت المطابقة؛ لم يُسجَّل شيء (تجربة).
cli-reconcile-unexplained = رصيد الكشف غير مفسَّر: يبقى فرق قدره { $difference }؛ لم يُسجَّل شيء. سجّل أسطر البنك غير الموجودة في الدفاتر (`amana bank import`)، أو سمِّ القيود التي لا تظهر في الكشف.
cli-reconcile-already = تمت المطابقة من قبل، بالرصيد نفسه والدفاتر نفسها (مدخل السلسلة { $seq }): لا جديد يُسجَّل.
cli-bank-zero-rows = { $count } سطر بلا مبلغ، للإعلام فقط (السطر { $lines })
