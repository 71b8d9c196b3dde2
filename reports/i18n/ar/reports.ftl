# الكلمات المشتركة بين جميع التقارير. لكل تقرير ملفه الخاص بجانب هذا الملف.
# صيغة Fluent (https://projectfluent.org): `{ $name }` وسيط. يمكن للجمعية نسخ هذا المجلد
# وتغيير الصياغة وتوجيه amana إلى نسختها بـ `--templates DIR` (أو AMANA_TEMPLATES).

report-generated-by = أُعدّ بواسطة amana انطلاقاً من سلسلة التدقيق للسجل
report-page = صفحة
report-of = من
report-association = الجمعية
report-period = الفترة
report-period-range = من { $from } إلى { $to }
report-generated = تاريخ الإعداد
report-chain-head = رأس السلسلة
report-chain-entries = عدد القيود في السلسلة
report-last-seal = آخر ختم
report-no-seal = لا يوجد ختم بعد
report-seal-fingerprint = بصمة الختم
report-seal-hint = للتحقق من هذه النسخة: amana verify --seal FINGERPRINT على السجل، أو امسح الرمز.
report-signed-by = موقّع من طرف
report-currency = العملة
report-total = المجموع
report-subtotal = المجموع الفرعي
report-none = لا شيء
report-yes = نعم
report-no = لا
report-not-verified = هذا السجل لا يجتاز التحقق: { $count ->
    [one] وُجد خلل واحد
    [two] وُجد خللان
   *[other] وُجد { $count } من الاختلالات
} (`amana verify` يعرضها). قد تكون الأرقام أدناه خاطئة.
report-verification = التحقق
report-not-checked = لم يُتحقَّق من السجل عند إعداد هذا التقرير (--no-verify)
report-verified = السجل يجتاز التحقق: كل قيود السلسلة سليمة.
report-date = التاريخ
report-account = الحساب
report-description = البيان
report-reference = المرجع
report-amount = المبلغ
report-debit = مدين
report-credit = دائن
report-balance = الرصيد
report-opening-balance = الرصيد الافتتاحي
report-closing-balance = الرصيد الختامي
report-code = الرمز
report-name = الاسم
report-transaction = القيد
report-note = ملاحظة
report-warning = تنبيه
