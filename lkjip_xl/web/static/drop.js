// Drag and drop (one file, or several for a rekap) onto the upload box; the plain file input and button work without this script.
// A drop only chooses the files: the check starts at the Check button, so last year's workbook can be added after.
(function () {
  var form = document.getElementById("upload-form");
  if (!form) return;
  var input = document.getElementById("berkas");
  var drop = document.getElementById("drop");
  var status = document.getElementById("status");
  var limit = parseInt(form.getAttribute("data-limit"), 10);

  var last = document.getElementById("tahun_lalu");

  function tooLarge(files) {  // the limit is for all the files together, last year's workbook included
    var total = 0;
    for (var i = 0; i < files.length; i++) total += files[i].size;
    if (last && last.files.length) total += last.files[0].size;
    return total > limit;
  }

  function chosen() {
    if (!input.files.length) return;
    if (tooLarge(input.files)) {
      status.textContent = form.getAttribute("data-too-large");
      status.className = "alert-inline";
      return;
    }
    var names = [];
    for (var i = 0; i < input.files.length; i++) names.push(input.files[i].name);
    status.textContent = form.getAttribute("data-chosen").replace("{names}", names.join(", "));
    status.className = "";
    document.getElementById("check-button").focus();
  }

  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      chosen();
    }
  });
  form.addEventListener("submit", function (e) {
    if (tooLarge(input.files)) {
      e.preventDefault();
      status.textContent = form.getAttribute("data-too-large");
      status.className = "alert-inline";
    } else {
      status.textContent = form.getAttribute("data-checking");
    }
  });
})();
