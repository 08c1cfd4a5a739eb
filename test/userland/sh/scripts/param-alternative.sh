unset u; e=; s=x
echo "[${u+alt}]" "[${e+alt}]" "[${e:+alt}]" "[${s:+alt}]"
