"""The workbook's sheets, one module each: their forms and tables, assembled into the schema in
``lkjip_xl.schema.workbook``."""
