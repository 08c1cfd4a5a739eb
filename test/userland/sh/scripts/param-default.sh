unset u; e=
echo "${u-def}" "${u:-def}" "${e-def}" "${e:-def}"
s=set
echo "${s-def}" "${s:-def}"
echo ${u:-two words}
