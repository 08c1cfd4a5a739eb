export v=1
unset v
sh -c 'echo "[${v-unset}]"'
echo "[${v-unset}]"
