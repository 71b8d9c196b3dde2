# ما الخطأ في قيمة مدخلة للحسابات (مبلغ، تاريخ، رمز، نص)، وفي قيد كما كُتب. صيغة Fluent
# (https://projectfluent.org): `{$name}` وسيط. تبقى أسماء الحقول والرموز كما هي.

domain-bad-amount = المبلغ "{$value}" {$why}
domain-bad-month = الشهر "{$value}" {$why}
domain-bad-date = التاريخ "{$value}" {$why}
domain-bad-currency = العملة "{$value}" {$why}
domain-bad-fiscal-start = بداية السنة المالية "{$value}" {$why}
domain-bad-value = {$what} "{$value}" {$why}
domain-amount-not-a-number = ليس عدداً: اكتب أرقاماً مع `.` فاصلاً عشرياً و`-` في البداية عند الحاجة، مثلاً 1200.50
domain-amount-too-large = كبير جداً: يقبل amana مبالغ تصل إلى {$max} {$currency}
domain-amount-too-many-decimals = فيه أرقام عشرية أكثر مما تسمح به {$currency} ({$exponent})
domain-text-forbidden = يحتوي على {$what} (U+{$code})
domain-text-bidi = حرف تجاوز أو تضمين أو عزل ثنائي الاتجاه
domain-text-control = حرف تحكم (جدولة، سطر جديد، ...)
domain-text-empty = فارغ
domain-id-invalid = غير صالح: {$rule}
domain-month-invalid = غير صالح: اكتب YYYY-MM بسنة من 0001 إلى 9999، مثلاً 2026-03
domain-date-invalid = ليس تاريخاً حقيقياً بالصيغة YYYY-MM-DD (مثلاً 2026-02-13)
domain-currency-unknown = ليس رمز ISO 4217 يعرفه هذا السجل (مثلاً MAD، EUR، USD)
domain-not-one-of = ليس من بين: {$allowed}
domain-fiscal-start-invalid = ليس شهراً ويوماً بالصيغة MM-DD (مثلاً 01-01)
domain-too-few-postings = يحتاج القيد سطرين على الأقل (فيه {$count})
domain-unbalanced = القيد غير متوازن: مجموع أسطره {$sum} {$currency}، لا 0 (المدين موجب والدائن سالب)
domain-overflow = المبالغ أكبر من أن تُجمع: يقبل amana مبالغ تصل إلى 100000000000.00 (10^13 وحدة صغرى)
domain-out-of-range = المبلغ {$amount} (وحدات صغرى) على الحساب {$account} يتجاوز أكبر مبلغ يقبله amana (10^13 وحدة صغرى)
domain-line-without-grant = السطر على {$account} له بند ميزانية ({$line}) بلا منحة: أعطِ المنحة أيضاً
